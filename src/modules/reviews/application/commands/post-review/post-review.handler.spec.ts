import { FixedClock } from '../../../../../shared/kernel/testing/fixed-clock.fake';
import { ImmediateUnitOfWork } from '../../../../../shared/kernel/testing/immediate-unit-of-work.fake';
import { SequentialIdGenerator } from '../../../../../shared/kernel/testing/sequential-id-generator.fake';
import { ReviewExistsError } from '../../../domain/review-exists.error';
import { ReviewNotAllowedError } from '../../../domain/review-not-allowed.error';
import { FakeDeliveredPurchases } from '../../testing/fake-delivered-purchases.fake';
import { FakeUserDirectory } from '../../testing/fake-user-directory.fake';
import { InMemoryReviewRepository } from '../../testing/in-memory-review.repository.fake';
import { RecordingProductRatings } from '../../testing/recording-product-ratings.fake';
import { PostReviewCommand } from './post-review.command';
import { PostReviewHandler } from './post-review.handler';

describe(PostReviewHandler.name, () => {
  let unitOfWork: ImmediateUnitOfWork;
  let reviews: InMemoryReviewRepository;
  let purchases: FakeDeliveredPurchases;
  let ratings: RecordingProductRatings;
  let sut: PostReviewHandler;

  beforeEach(() => {
    unitOfWork = new ImmediateUnitOfWork();
    reviews = new InMemoryReviewRepository(unitOfWork);
    purchases = new FakeDeliveredPurchases();
    ratings = new RecordingProductRatings(unitOfWork);
    const members = new FakeUserDirectory();
    members.put('buyer', 'Jane Doe');
    members.put('stranger', 'Sam Roe');
    purchases.deliver({ userId: 'buyer', orderId: 'o-1', productId: 'p-1' });
    sut = new PostReviewHandler(
      reviews,
      purchases,
      ratings,
      members,
      unitOfWork,
      new SequentialIdGenerator('r'),
      new FixedClock(new Date('2025-03-01T08:00:00.000Z')),
    );
  });

  it('writes the review with the masked name and adds it to the totals in the same transaction', async () => {
    const view = await sut.execute(
      new PostReviewCommand('buyer', 'p-1', 'o-1', 4, ' <i>Nice</i> '),
    );

    expect(view).toMatchObject({
      productId: 'p-1',
      rating: 4,
      text: ' <i>Nice</i> ',
      authorName: 'J**',
      helpfulCount: 0,
    });
    expect(reviews.row(view.id)?.status).toBe('VISIBLE');
    expect(ratings.of('p-1')).toEqual({ sum: 4, count: 1 });
    expect(unitOfWork.committed).toHaveLength(1);
  });

  it.each([
    ['another member', 'stranger', 'o-1', 'p-1'],
    ['another product of the order', 'buyer', 'o-1', 'p-2'],
    ['an order not delivered', 'buyer', 'o-2', 'p-1'],
  ])(
    'refuses %s with REVIEW_NOT_ALLOWED and writes nothing',
    async (_case, user, order, product) => {
      await expect(
        sut.execute(new PostReviewCommand(user, product, order, 5, 'x')),
      ).rejects.toBeInstanceOf(ReviewNotAllowedError);
      expect(ratings.of(product)).toEqual({ sum: 0, count: 0 });
    },
  );

  it('refuses a second review of the order line with REVIEW_EXISTS, the totals unchanged', async () => {
    await sut.execute(new PostReviewCommand('buyer', 'p-1', 'o-1', 5, 'first'));

    await expect(
      sut.execute(new PostReviewCommand('buyer', 'p-1', 'o-1', 1, 'second')),
    ).rejects.toBeInstanceOf(ReviewExistsError);
    expect(ratings.of('p-1')).toEqual({ sum: 5, count: 1 });
    expect(unitOfWork.rolledBack).toHaveLength(1);
  });
});
