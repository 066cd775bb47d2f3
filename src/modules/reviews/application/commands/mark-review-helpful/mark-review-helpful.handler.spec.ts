import { FixedClock } from '../../../../../shared/kernel/testing/fixed-clock.fake';
import { ForbiddenError } from '../../../../../shared/kernel/forbidden.error';
import { ImmediateUnitOfWork } from '../../../../../shared/kernel/testing/immediate-unit-of-work.fake';
import { Review } from '../../../domain/review.aggregate';
import { InMemoryReviewRepository } from '../../testing/in-memory-review.repository.fake';
import { MarkReviewHelpfulCommand } from './mark-review-helpful.command';
import { MarkReviewHelpfulHandler } from './mark-review-helpful.handler';

const NOW = new Date('2025-03-05T08:00:00.000Z');

describe(MarkReviewHelpfulHandler.name, () => {
  let unitOfWork: ImmediateUnitOfWork;
  let reviews: InMemoryReviewRepository;
  let sut: MarkReviewHelpfulHandler;

  beforeEach(async () => {
    unitOfWork = new ImmediateUnitOfWork();
    reviews = new InMemoryReviewRepository(unitOfWork);
    sut = new MarkReviewHelpfulHandler(reviews, unitOfWork, new FixedClock(NOW));
    await unitOfWork.run(() =>
      reviews.add(
        Review.create({
          id: 'r-1',
          productId: 'p-1',
          orderId: 'o-1',
          userId: 'author',
          rating: 4,
          text: 'useful',
          authorName: 'A**',
          now: NOW,
        }),
      ),
    );
  });

  it('counts one vote per member; a repeat answers the same count and changes nothing', async () => {
    const first = await sut.execute(new MarkReviewHelpfulCommand('m-1', 'r-1'));
    const repeat = await sut.execute(new MarkReviewHelpfulCommand('m-1', 'r-1'));
    const second = await sut.execute(new MarkReviewHelpfulCommand('m-2', 'r-1'));

    expect([first.changed, repeat.changed, second.changed]).toEqual([true, false, true]);
    expect([
      first.review.helpfulCount,
      repeat.review.helpfulCount,
      second.review.helpfulCount,
    ]).toEqual([1, 1, 2]);
    expect(reviews.row('r-1')?.helpfulCount).toBe(2);
  });

  it('refuses the author’s own vote', async () => {
    await expect(sut.execute(new MarkReviewHelpfulCommand('author', 'r-1'))).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    expect(reviews.row('r-1')?.helpfulCount).toBe(0);
  });
});
