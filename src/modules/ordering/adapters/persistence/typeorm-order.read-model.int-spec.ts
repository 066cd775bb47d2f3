import { randomUUID } from 'node:crypto';
import { TestingModule } from '@nestjs/testing';
import { DataSource } from 'typeorm';
import { waitUntil } from '../../../../../test/support/fixtures';
import { createPlatformContext } from '../../../../../test/support/platform-context';
import { Stack } from '../../../../../test/support/stack';
import { insertUser } from '../../../../../test/support/users';
import { FieldCipher } from '../../../../platform/crypto/field-cipher';
import { MemberKeyVault } from '../../../../platform/crypto/member-key-vault';
import { ReadDatabase } from '../../../../platform/database/read-database';
import { ReplicaLagMonitor } from '../../../../platform/database/replica-lag-monitor';
import { TypeOrmOrderReadModel } from './typeorm-order.read-model';

/**
 * The best sellers' database fallback (used when the Redis ranking is not
 * there) on the real replica: units of approved returns are subtracted,
 * requested ones are not yet, and cancelled orders do not count.
 */
describe(TypeOrmOrderReadModel.name, () => {
  let context: TestingModule;
  let dataSource: DataSource;
  let sut: TypeOrmOrderReadModel;

  beforeAll(async () => {
    context = await createPlatformContext();
    dataSource = context.get(DataSource);
    sut = new TypeOrmOrderReadModel(
      context.get(ReadDatabase),
      context.get(FieldCipher),
      context.get(MemberKeyVault),
    );
    expect(await waitUntil(async () => context.get(ReplicaLagMonitor).usable(), 5_000)).toBe(true);
  });

  afterAll(() => context.close());

  it('ranks by units sold less approved returns, without cancelled orders', async () => {
    // Far in the future, so that the window holds (almost) only these orders.
    const at = new Date('2099-06-01T00:00:00.000Z');
    const categoryId = randomUUID();
    await dataSource.query('INSERT INTO categories (id, name, created_at) VALUES (?, ?, ?)', [
      categoryId,
      `it-best-sellers-${categoryId.slice(0, 8)}`,
      at,
    ]);
    const [mug, tea, pen, cup]: string[] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
    for (const id of [mug, tea, pen, cup])
      await dataSource.query(
        `INSERT INTO products (id, name, description, price, stock, category_id, status, created_at, updated_at)
         VALUES (?, 'Ranked', '', 1000, 100, ?, 'ACTIVE', ?, ?)`,
        [id, categoryId, at, at],
      );
    const userId = await insertUser(dataSource);
    const order = async (
      status: 'DELIVERED' | 'PARTIALLY_RETURNED' | 'CANCELLED',
      lines: Array<[string, number]>,
    ): Promise<string> => {
      const id = randomUUID();
      const total = lines.reduce((sum, [, quantity]) => sum + quantity * 1000, 0);
      await dataSource.query(
        `INSERT INTO orders (id, user_id, status, subtotal, discount, points_used, paid_amount,
                             points_earned, created_at, cancelled_at, carrier, tracking_number,
                             shipped_at, delivered_at)
         VALUES (?, ?, ?, ?, 0, 0, ?, 0, ?, ?, ?, ?, ?, ?)`,
        [
          id,
          userId,
          status,
          total,
          total,
          at,
          ...(status === 'CANCELLED' ? [at, null, null, null, null] : [null, 'CJ', 'T-1', at, at]),
        ],
      );
      for (const [productId, quantity] of lines)
        await dataSource.query(
          `INSERT INTO order_lines (order_id, product_id, name, unit_price, quantity, line_total)
           VALUES (?, ?, 'Ranked', 1000, ?, ?)`,
          [id, productId, quantity, quantity * 1000],
        );
      return id;
    };
    const giveBack = async (
      orderId: string,
      status: 'REQUESTED' | 'APPROVED',
      lines: Array<[string, number]>,
    ): Promise<void> => {
      const id = randomUUID();
      await dataSource.query(
        `INSERT INTO order_returns (id, order_id, user_id, status, reason, returned_value,
                                    refund_amount, created_at, approved_at)
         VALUES (?, ?, ?, ?, 'Broken', 0, 0, ?, ?)`,
        [id, orderId, userId, status, at, status === 'APPROVED' ? at : null],
      );
      for (const [productId, quantity] of lines)
        await dataSource.query(
          'INSERT INTO order_return_lines (return_id, order_id, product_id, quantity) VALUES (?, ?, ?, ?)',
          [id, orderId, productId, quantity],
        );
    };

    const first = await order('DELIVERED', [
      [mug, 5],
      [tea, 4],
      [cup, 2],
    ]);
    await order('PARTIALLY_RETURNED', [[pen, 3]]);
    await order('CANCELLED', [[pen, 10]]);
    await giveBack(first, 'APPROVED', [[mug, 3]]);
    await giveBack(first, 'APPROVED', [[cup, 2]]);
    await giveBack(first, 'REQUESTED', [[tea, 4]]);
    await Stack.waitReplica();

    const ranking = (await sut.bestSellers(at, 1_000)).filter((row) =>
      [mug, tea, pen, cup].includes(row.productId),
    );

    // mug 5 − 3 approved; tea 4 (its return is only requested); pen 3, not 13;
    // cup 2 − 2: nothing left to rank.
    expect(ranking).toEqual([
      { productId: tea, soldQuantity: 4 },
      { productId: pen, soldQuantity: 3 },
      { productId: mug, soldQuantity: 2 },
    ]);
  });
});
