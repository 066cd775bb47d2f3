import { FixedClock } from '../../../../../shared/kernel/testing/fixed-clock.fake';
import { ImmediateUnitOfWork } from '../../../../../shared/kernel/testing/immediate-unit-of-work.fake';
import { RecordingAuditTrail } from '../../../../../shared/kernel/testing/recording-audit-trail.fake';
import { NotFoundError } from '../../../../../shared/kernel/not-found.error';
import { Review } from '../../../domain/review.aggregate';
import { InMemoryReviewRepository } from '../../testing/in-memory-review.repository.fake';
import { RecordingProductRatings } from '../../testing/recording-product-ratings.fake';
import { HideReviewCommand } from './hide-review.command';
import { HideReviewHandler } from './hide-review.handler';

const NOW = new Date('2025-03-05T08:00:00.000Z');

describe(HideReviewHandler.name, () => {
  let unitOfWork: ImmediateUnitOfWork;
  let reviews: InMemoryReviewRepository;
  let ratings: RecordingProductRatings;
  let audit: RecordingAuditTrail;
  let sut: HideReviewHandler;

  beforeEach(async () => {
    unitOfWork = new ImmediateUnitOfWork();
    reviews = new InMemoryReviewRepository(unitOfWork);
    ratings = new RecordingProductRatings(unitOfWork);
    audit = new RecordingAuditTrail(unitOfWork);
    sut = new HideReviewHandler(reviews, ratings, audit, unitOfWork, new FixedClock(NOW));
    await unitOfWork.run(async () => {
      const review = Review.create({
        id: 'r-1',
        productId: 'p-1',
        orderId: 'o-1',
        userId: 'author',
        rating: 5,
        text: 'spam',
        authorName: 'S**',
        now: NOW,
      });
      await reviews.add(review);
      await ratings.add('p-1', review.contribution);
    });
  });

  it('hides the review, takes it out of the totals and audits it in the same transaction', async () => {
    const result = await sut.execute(new HideReviewCommand('admin-1', 'r-1'));

    expect(result.changed).toBe(true);
    expect(reviews.row('r-1')).toMatchObject({ status: 'HIDDEN', hiddenAt: NOW });
    expect(ratings.of('p-1')).toEqual({ sum: 0, count: 0 });
    expect(audit.entries).toEqual([
      {
        kind: 'change',
        transaction: unitOfWork.committed.at(-1),
        actor: { userId: 'admin-1', role: 'ADMIN' },
        action: 'admin.review.hidden',
        subjectUserId: 'author',
        resource: 'review:r-1',
      },
    ]);
  });

  it('changes and audits nothing when hiding again', async () => {
    await sut.execute(new HideReviewCommand('admin-1', 'r-1'));
    const again = await sut.execute(new HideReviewCommand('admin-1', 'r-1'));

    expect(again.changed).toBe(false);
    expect(ratings.of('p-1')).toEqual({ sum: 0, count: 0 });
    expect(audit.entries).toHaveLength(1);
  });

  it('answers NOT_FOUND for an unknown review', async () => {
    await expect(sut.execute(new HideReviewCommand('admin-1', 'nope'))).rejects.toBeInstanceOf(
      NotFoundError,
    );
  });
});
