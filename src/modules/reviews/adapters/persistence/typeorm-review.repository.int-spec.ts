import { randomUUID } from 'node:crypto';
import { TestingModule } from '@nestjs/testing';
import { DataSource } from 'typeorm';
import { createPlatformContext } from '../../../../../test/support/platform-context';
import { insertUser } from '../../../../../test/support/users';
import { FieldCipher } from '../../../../platform/crypto/field-cipher';
import { MemberKeyVault } from '../../../../platform/crypto/member-key-vault';
import { TransactionContext } from '../../../../platform/database/transaction-context';
import { UnitOfWork } from '../../../../shared/kernel/unit-of-work.port';
import { Review } from '../../domain/review.aggregate';
import { ReviewExistsError } from '../../domain/review-exists.error';
import { TypeOrmReviewReadModel } from './typeorm-review.read-model';
import { TypeOrmReviewRepository } from './typeorm-review.repository';

interface ExplainRow {
  table: string;
  type: string;
  key: string | null;
  Extra: string | null;
}

/** The review rows against the real primary: the unique order line, the sealed name, and the list plans. */
describe(TypeOrmReviewRepository.name, () => {
  let context: TestingModule;
  let dataSource: DataSource;
  let unitOfWork: UnitOfWork;
  let vault: MemberKeyVault;
  let sut: TypeOrmReviewRepository;
  let productId: string;
  let userId: string;

  beforeAll(async () => {
    context = await createPlatformContext();
    dataSource = context.get(DataSource);
    unitOfWork = context.get(UnitOfWork);
    vault = context.get(MemberKeyVault);
    sut = new TypeOrmReviewRepository(
      context.get(TransactionContext),
      vault,
      context.get(FieldCipher),
    );
    const categoryId = randomUUID();
    productId = randomUUID();
    const now = new Date();
    await dataSource.query('INSERT INTO categories (id, name, created_at) VALUES (?, ?, ?)', [
      categoryId,
      `it-reviews-${categoryId.slice(0, 8)}`,
      now,
    ]);
    await dataSource.query(
      `INSERT INTO products (id, name, description, price, stock, category_id, status, created_at, updated_at)
       VALUES (?, 'Reviewed', '', 1000, 1, ?, 'ACTIVE', ?, ?)`,
      [productId, categoryId, now, now],
    );
    userId = await insertUser(dataSource);
  });

  afterAll(async () => {
    await context.close();
  });

  const review = (orderId: string, rating = 4): Review =>
    Review.create({
      id: randomUUID(),
      productId,
      orderId,
      userId,
      rating,
      text: 'as written <b>',
      authorName: 'T**',
      now: new Date(),
    });

  it('seals the masked name with the member key and opens it on the locked read', async () => {
    const written = review(randomUUID());
    await unitOfWork.run(() => sut.add(written));

    const [row] = (await dataSource.query('SELECT author_name, text FROM reviews WHERE id = ?', [
      written.id,
    ])) as Array<{ author_name: string; text: string }>;
    const read = await unitOfWork.run(() => sut.findForUpdate(written.id));

    expect(row!.author_name).toMatch(/^e1\./);
    expect(row!.text).toBe('as written <b>');
    expect(read?.authorName).toBe('T**');
    expect(read?.status).toBe('VISIBLE');
  });

  it('refuses a second review of the same order line with REVIEW_EXISTS, also when both race', async () => {
    const orderId = randomUUID();

    const results = await Promise.allSettled(
      [1, 2, 3, 4, 5].map((rating) => unitOfWork.run(() => sut.add(review(orderId, rating)))),
    );

    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    for (const result of results.filter((r) => r.status === 'rejected'))
      expect((result as PromiseRejectedResult).reason).toBeInstanceOf(ReviewExistsError);
  });

  it('counts a helpful vote once per member', async () => {
    const written = review(randomUUID());
    await unitOfWork.run(() => sut.add(written));
    const voter = randomUUID();

    const first = await unitOfWork.run(() => sut.addHelpfulVote(written.id, voter, new Date()));
    const again = await unitOfWork.run(() => sut.addHelpfulVote(written.id, voter, new Date()));

    expect([first, again]).toEqual([true, false]);
  });

  it.each([
    ['newest', undefined],
    ['newest', { id: '01930000-0000-7000-8000-000000000000' }],
    ['helpful', undefined],
    ['helpful', { id: '01930000-0000-7000-8000-000000000000', helpful: 3 }],
  ] as const)(
    'EXPLAIN of sort %s after %p: an index range, no scan, no filesort',
    async (sort, after) => {
      const { sql, params } = TypeOrmReviewReadModel.pageSql(
        vault.keysTable,
        productId,
        sort,
        21,
        after,
      );

      const plan = (await dataSource.query(`EXPLAIN ${sql}`, params)) as ExplainRow[];
      const reviews = plan.filter((row) => row.table === 'r');

      expect(reviews).toHaveLength(1);
      // The sort's index; on a table this small the optimizer may read a short
      // primary-key range for a cursor instead, which is no scan and no sort either.
      expect(reviews[0]!.type).not.toMatch(/^(ALL|index)$/);
      expect([
        sort === 'newest' ? 'ix_reviews_product_newest' : 'ix_reviews_product_helpful',
        ...(after ? ['PRIMARY'] : []),
      ]).toContain(reviews[0]!.key);
      for (const row of plan) expect(row.Extra ?? '').not.toMatch(/filesort|temporary/i);
    },
  );
});
