import { randomUUID } from 'node:crypto';
import { TestingModule } from '@nestjs/testing';
import { CommandBus } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { createPlatformContext } from '../../../../../test/support/platform-context';
import { insertUser } from '../../../../../test/support/users';
import { TransactionContext } from '../../../../platform/database/transaction-context';
import { IdempotencyModule } from '../../../../platform/idempotency/idempotency.module';
import { Money } from '../../../../shared/kernel/money';
import { UnitOfWork } from '../../../../shared/kernel/unit-of-work.port';
import { ChargeWalletCommand } from '../../application/commands/charge-wallet/charge-wallet.command';
import { WalletPayment, WalletPayments } from '../../application/ports/wallet-payments.port';
import { BalanceLimitExceededError } from '../../domain/balance-limit-exceeded.error';
import { InsufficientBalanceError } from '../../domain/insufficient-balance.error';
import { InsufficientPointsError } from '../../domain/insufficient-points.error';
import { PointsAlreadySpentError } from '../../domain/points-already-spent.error';
import { WalletModule } from '../../wallet.module';

interface WalletState {
  balance: number;
  points: number;
  ledgerBalance: number;
  ledgerPoints: number;
  rows: number;
}

describe('WalletPayments on TypeORM (MariaDB)', () => {
  let context: TestingModule;
  let dataSource: DataSource;
  let unitOfWork: UnitOfWork;
  let transaction: TransactionContext;
  let commands: CommandBus;
  let sut: WalletPayments;

  /** A payment; `amount` in won, as a number for readability. */
  const payment = (
    userId: string,
    { amount = 0, ...change }: Partial<Omit<WalletPayment, 'amount'>> & { amount?: number } = {},
  ): WalletPayment => ({
    userId,
    orderId: randomUUID(),
    pointsUsed: 0,
    pointsEarned: 0,
    at: new Date(),
    ...change,
    amount: Money.won(amount),
  });
  const charge = (userId: string, amount: number) =>
    commands.execute(new ChargeWalletCommand(userId, amount));
  /** The wallet row and the sums of its ledger, on the primary. */
  const state = async (userId: string): Promise<WalletState | undefined> => {
    const [row] = (await dataSource.query(
      `SELECT w.balance, w.points,
              COALESCE(SUM(CASE t.type WHEN 'CHARGE' THEN t.amount WHEN 'REFUND' THEN t.amount
                                       WHEN 'PAYMENT' THEN -t.amount ELSE 0 END), 0) AS ledger_balance,
              COALESCE(SUM(CASE t.type WHEN 'POINTS_EARNED' THEN t.amount WHEN 'POINTS_RESTORED' THEN t.amount
                                       WHEN 'POINTS_USED' THEN -t.amount WHEN 'POINTS_REVOKED' THEN -t.amount
                                       ELSE 0 END), 0) AS ledger_points,
              COUNT(t.id) AS n
         FROM wallets w LEFT JOIN wallet_transactions t ON t.user_id = w.user_id
        WHERE w.user_id = ? GROUP BY w.user_id, w.balance, w.points`,
      [userId],
    )) as Array<Record<string, number | string>>;
    if (!row) return undefined;
    return {
      balance: Number(row.balance),
      points: Number(row.points),
      ledgerBalance: Number(row.ledger_balance),
      ledgerPoints: Number(row.ledger_points),
      rows: Number(row.n),
    };
  };
  const seed = async (balance: number, points: number): Promise<string> => {
    const userId = await insertUser(dataSource);
    let left = balance;
    while (left > 0) {
      const amount = Math.min(left, 1_000_000);
      await charge(userId, amount);
      left -= amount;
    }
    if (points > 0) {
      // Earned by a free order: the only way points come in.
      await sut.pay(payment(userId, { pointsEarned: points }));
    }
    return userId;
  };

  beforeAll(async () => {
    context = await createPlatformContext([IdempotencyModule, WalletModule]);
    dataSource = context.get(DataSource);
    unitOfWork = context.get(UnitOfWork);
    transaction = context.get(TransactionContext);
    commands = context.get(CommandBus);
    sut = context.get(WalletPayments);
  });

  afterAll(() => context.close());

  it('pays and refunds an order; the ledger rows reference it and the sums match', async () => {
    const userId = await seed(10_000, 500);
    const order = payment(userId, { amount: 7_000, pointsUsed: 300, pointsEarned: 70 });

    await sut.pay(order);
    expect(await state(userId)).toMatchObject({ balance: 3_000, points: 270 });

    await sut.refund(order);
    const after = await state(userId);
    expect(after).toMatchObject({ balance: 10_000, points: 500, rows: 2 + 6 });
    expect([after?.ledgerBalance, after?.ledgerPoints]).toEqual([10_000, 500]);
    const types = (await dataSource.query(
      'SELECT type FROM wallet_transactions WHERE order_id = ? ORDER BY id',
      [order.orderId],
    )) as Array<{ type: string }>;
    expect(types.map((row) => row.type)).toEqual([
      'POINTS_USED',
      'PAYMENT',
      'POINTS_EARNED',
      'POINTS_REVOKED',
      'POINTS_RESTORED',
      'REFUND',
    ]);
  });

  it.each([
    ['INSUFFICIENT_BALANCE', { amount: 10_001 }, InsufficientBalanceError],
    ['INSUFFICIENT_POINTS', { amount: 1, pointsUsed: 501 }, InsufficientPointsError],
  ])(
    'rolls the whole order transaction back on %s',
    async (_code, change: { amount: number; pointsUsed?: number }, error) => {
      const userId = await seed(10_000, 500);
      const before = await state(userId);
      const marker = randomUUID();
      const nameOf = async () =>
        (
          (await dataSource.query('SELECT name FROM users WHERE id = ?', [userId])) as Array<{
            name: string;
          }>
        )[0]?.name;
      const sealedName = await nameOf();

      await expect(
        unitOfWork.run(async () => {
          // Something the order wrote before paying must go too.
          await transaction
            .manager()
            .query('UPDATE users SET name = ? WHERE id = ?', [marker.slice(0, 50), userId]);
          await sut.pay(payment(userId, change));
        }),
      ).rejects.toBeInstanceOf(error);

      expect(await state(userId)).toEqual(before);
      expect(await nameOf()).toBe(sealedName);
    },
  );

  it('rolls back a refund whose earned points were spent (POINTS_ALREADY_SPENT)', async () => {
    const userId = await seed(10_000, 0);
    const order = payment(userId, { amount: 5_000, pointsEarned: 50 });
    await sut.pay(order);
    await sut.pay(payment(userId, { amount: 100, pointsUsed: 10 }));
    const before = await state(userId);

    await expect(sut.refund(order)).rejects.toBeInstanceOf(PointsAlreadySpentError);

    expect(await state(userId)).toEqual(before);
  });

  it('does not create a wallet when the first payment fails', async () => {
    const userId = await insertUser(dataSource);

    await expect(sut.pay(payment(userId, { amount: 1 }))).rejects.toBeInstanceOf(
      InsufficientBalanceError,
    );

    expect(await state(userId)).toBeUndefined();
  });

  it('never drives the balance below 0 when concurrent payments exceed it', async () => {
    const userId = await seed(10_000, 0);

    const outcomes = await Promise.allSettled(
      Array.from({ length: 25 }, () => sut.pay(payment(userId, { amount: 1_000 }))),
    );

    const failures = outcomes.filter((o) => o.status === 'rejected');
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(10);
    for (const failure of failures) {
      expect((failure as PromiseRejectedResult).reason).toBeInstanceOf(InsufficientBalanceError);
    }
    const after = await state(userId);
    expect(after).toMatchObject({ balance: 0, ledgerBalance: 0, rows: 1 + 10 });
  });

  it('creates a missing wallet once when its first movements race', async () => {
    const userId = await insertUser(dataSource);

    await Promise.all(Array.from({ length: 10 }, () => charge(userId, 1_000)));

    expect(await state(userId)).toMatchObject({ balance: 10_000, ledgerBalance: 10_000, rows: 10 });
  });

  it('refunds above the 100,000,000 charge limit, which then blocks further charges', async () => {
    const userId = await seed(99_000_000, 0);
    const order = payment(userId, { amount: 1_000_000 });
    await sut.pay(order);
    await charge(userId, 1_000_000);
    expect(await state(userId)).toMatchObject({ balance: 99_000_000 });
    await charge(userId, 1_000_000);

    await sut.refund(order);

    expect(await state(userId)).toMatchObject({ balance: 101_000_000, ledgerBalance: 101_000_000 });
    await expect(charge(userId, 1)).rejects.toBeInstanceOf(BalanceLimitExceededError);
  });

  it('pays an order at most once: a second payment of the same order id fails and writes nothing', async () => {
    const userId = await seed(10_000, 0);
    const order = payment(userId, { amount: 1_000 });
    await sut.pay(order);
    const before = await state(userId);

    await expect(sut.pay(order)).rejects.toThrow();

    expect(await state(userId)).toEqual(before);
  });

  it('refunds each approved return of an order once (ledger rows carry the return id), a cancellation still once', async () => {
    const userId = await seed(10_000, 0);
    const order = payment(userId, { amount: 9_000, pointsEarned: 90 });
    await sut.pay(order);
    const settle = (returnId: string, amount: number) =>
      sut.refundReturn({
        userId,
        orderId: order.orderId,
        returnId,
        amount: Money.won(amount),
        pointsToRestore: 0,
        pointsToRevoke: 30,
        at: new Date(),
      });
    const [first, second] = [randomUUID(), randomUUID()];

    await settle(first, 3_000);
    await settle(second, 3_000);
    const before = await state(userId);
    expect(before).toMatchObject({ balance: 7_000, points: 30 });
    expect([before?.ledgerBalance, before?.ledgerPoints]).toEqual([7_000, 30]);

    await expect(settle(first, 3_000)).rejects.toThrow();
    expect(await state(userId)).toEqual(before);
    const rows = (await dataSource.query(
      "SELECT return_id FROM wallet_transactions WHERE order_id = ? AND type = 'REFUND' ORDER BY id",
      [order.orderId],
    )) as Array<{ return_id: string }>;
    expect(rows.map((row) => row.return_id)).toEqual([first, second]);

    // Without a return id, the order's REFUND stays single (the cancellation's rule).
    const cancelled = payment(userId, { amount: 1_000 });
    await sut.pay(cancelled);
    await sut.refund(cancelled);
    await expect(sut.refund(cancelled)).rejects.toThrow();
  });

  it('has CHECK constraints that keep money from going negative whatever the code does', async () => {
    const userId = await seed(100, 0);

    await expect(
      dataSource.query('UPDATE wallets SET balance = -1 WHERE user_id = ?', [userId]),
    ).rejects.toThrow();
    await expect(
      dataSource.query('UPDATE wallets SET points = -1 WHERE user_id = ?', [userId]),
    ).rejects.toThrow();
    await expect(
      dataSource.query(
        `INSERT INTO wallet_transactions (id, user_id, type, amount, balance_after, points_after, order_id, created_at)
         VALUES (?, ?, 'CHARGE', 0, 100, 0, NULL, NOW(3))`,
        [randomUUID(), userId],
      ),
    ).rejects.toThrow();
    expect(await state(userId)).toMatchObject({ balance: 100, points: 0 });
  });
});
