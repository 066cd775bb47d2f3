import { FixedClock } from '../../../../../shared/kernel/testing/fixed-clock.fake';
import { ForbiddenError } from '../../../../../shared/kernel/forbidden.error';
import { ImmediateUnitOfWork } from '../../../../../shared/kernel/testing/immediate-unit-of-work.fake';
import { Review } from '../../../domain/review.aggregate';
import { InMemoryReviewRepository } from '../../testing/in-memory-review.repository.fake';
import { RecordingProductRatings } from '../../testing/recording-product-ratings.fake';
import { DeleteReviewCommand } from '../delete-review/delete-review.command';
import { DeleteReviewHandler } from '../delete-review/delete-review.handler';
import { EditReviewCommand } from './edit-review.command';
import { EditReviewHandler } from './edit-review.handler';

const NOW = new Date('2025-03-05T08:00:00.000Z');

describe(EditReviewHandler.name, () => {
  let unitOfWork: ImmediateUnitOfWork;
  let reviews: InMemoryReviewRepository;
  let ratings: RecordingProductRatings;
  let sut: EditReviewHandler;

  beforeEach(async () => {
    unitOfWork = new ImmediateUnitOfWork();
    reviews = new InMemoryReviewRepository(unitOfWork);
    ratings = new RecordingProductRatings(unitOfWork);
    sut = new EditReviewHandler(reviews, ratings, unitOfWork, new FixedClock(NOW));
    await unitOfWork.run(async () => {
      for (const [id, rating] of [
        ['r-1', 5],
        ['r-2', 2],
      ] as const) {
        const review = Review.create({
          id,
          productId: 'p-1',
          orderId: `o-${id}`,
          userId: `author-${id}`,
          rating,
          text: 'first',
          authorName: 'A**',
          now: NOW,
        });
        await reviews.add(review);
        await ratings.add('p-1', review.contribution);
      }
    });
  });

  it('moves the product totals by the rating difference', async () => {
    const view = await sut.execute(new EditReviewCommand('author-r-1', 'r-1', { rating: 3 }));

    expect(view).toMatchObject({ rating: 3, text: 'first' });
    expect(ratings.of('p-1')).toEqual({ sum: 5, count: 2 });
  });

  it('lets only the author edit, and leaves the totals alone otherwise', async () => {
    await expect(
      sut.execute(new EditReviewCommand('author-r-2', 'r-1', { rating: 1 })),
    ).rejects.toBeInstanceOf(ForbiddenError);
    expect(ratings.of('p-1')).toEqual({ sum: 7, count: 2 });
  });

  it('takes a deleted review out of the totals (DeleteReviewHandler)', async () => {
    await new DeleteReviewHandler(reviews, ratings, unitOfWork, new FixedClock(NOW)).execute(
      new DeleteReviewCommand('author-r-2', 'r-2'),
    );

    expect(ratings.of('p-1')).toEqual({ sum: 5, count: 1 });
    expect(reviews.row('r-2')).toMatchObject({ status: 'DELETED', text: '' });
  });
});
