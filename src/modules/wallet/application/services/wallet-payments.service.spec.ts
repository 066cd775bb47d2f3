import { Money } from '../../../../shared/kernel/money';
import { ImmediateUnitOfWork } from '../../../../shared/kernel/testing/immediate-unit-of-work.fake';
import { SequentialIdGenerator } from '../../../../shared/kernel/testing/sequential-id-generator.fake';
import { InsufficientBalanceError } from '../../domain/insufficient-balance.error';
import { InsufficientPointsError } from '../../domain/insufficient-points.error';
import { PointsAlreadySpentError } from '../../domain/points-already-spent.error';
import { WalletPayment } from '../ports/wallet-payments.port';
import { InMemoryWalletRepository } from '../testing/in-memory-wallet.repository.fake';
import { WalletPaymentsService } from './wallet-payments.service';

describe(WalletPaymentsService.name, () => {
  const at = new Date('2025-03-01T10:00:00.000Z');
  const payment = ({
    amount = 9_000,
    ...change
  }: Partial<Omit<WalletPayment, 'amount'>> & { amount?: number } = {}): WalletPayment => ({
    userId: 'user-1',
    orderId: 'order-1',
    pointsUsed: 1_000,
    pointsEarned: 90,
    at,
    ...change,
    amount: Money.won(amount),
  });
  let unitOfWork: ImmediateUnitOfWork;
  let wallets: InMemoryWalletRepository;
  let sut: WalletPaymentsService;

  beforeEach(() => {
    unitOfWork = new ImmediateUnitOfWork();
    wallets = new InMemoryWalletRepository(unitOfWork);
    sut = new WalletPaymentsService(wallets, unitOfWork, new SequentialIdGenerator('tx'));
  });

  it('pays: ledger rows reference the order, carry the time given and the state after each', async () => {
    wallets.seed('user-1', 10_000, 1_500);

    await sut.pay(payment());

    expect(wallets.stored('user-1')).toMatchObject({ balance: 1_000, points: 590 });
    expect(
      wallets
        .entries('user-1')
        .map(({ entry }) => [entry.type, entry.amount, entry.balanceAfter, entry.pointsAfter]),
    ).toEqual([
      ['POINTS_USED', 1_000, 10_000, 500],
      ['PAYMENT', 9_000, 1_000, 500],
      ['POINTS_EARNED', 90, 1_000, 590],
    ]);
    expect(wallets.entries().every(({ entry }) => entry.orderId === 'order-1')).toBe(true);
    expect(wallets.entries().every(({ entry }) => entry.at === at)).toBe(true);
    expect(unitOfWork.attributions).toEqual([{ userId: 'user-1', transaction: 1 }]);
  });

  it("joins the caller's transaction, so a later failure of the order rolls the payment back", async () => {
    wallets.seed('user-1', 10_000, 1_500);

    await expect(
      unitOfWork.run(async () => {
        await sut.pay(payment());
        throw new Error('stock ran out after paying');
      }),
    ).rejects.toThrow('stock ran out');

    expect(unitOfWork.committed).toEqual([]);
    expect(wallets.stored('user-1')).toMatchObject({ balance: 10_000, points: 1_500 });
    expect(wallets.entries()).toEqual([]);
  });

  it('creates the wallet at 0/0 when missing, so a free order with no points works', async () => {
    await sut.pay(payment({ amount: 0, pointsUsed: 0, pointsEarned: 0 }));

    expect(wallets.stored('user-1')).toMatchObject({ balance: 0, points: 0 });
    expect(wallets.entries()).toEqual([]);
  });

  it.each([
    ['INSUFFICIENT_POINTS', 10_000, 999, InsufficientPointsError],
    ['INSUFFICIENT_BALANCE', 8_999, 1_500, InsufficientBalanceError],
  ])('fails with %s and writes nothing', async (_code, balance, points, error) => {
    wallets.seed('user-1', balance, points);

    await expect(sut.pay(payment())).rejects.toBeInstanceOf(error);

    expect(wallets.stored('user-1')).toMatchObject({ balance, points });
    expect(wallets.entries()).toEqual([]);
  });

  it('refund reverses a payment exactly', async () => {
    wallets.seed('user-1', 10_000, 1_500);
    await sut.pay(payment());

    await sut.refund(payment({ at: new Date('2025-03-02T10:00:00.000Z') }));

    expect(wallets.stored('user-1')).toMatchObject({ balance: 10_000, points: 1_500 });
    expect(wallets.entries().map(({ entry }) => entry.type)).toEqual([
      'POINTS_USED',
      'PAYMENT',
      'POINTS_EARNED',
      'POINTS_REVOKED',
      'POINTS_RESTORED',
      'REFUND',
    ]);
  });

  it('refund fails with POINTS_ALREADY_SPENT when the earned points were spent, changing nothing', async () => {
    wallets.seed('user-1', 10_000, 1_000);
    await sut.pay(payment({ pointsUsed: 1_000 }));
    await sut.pay(payment({ orderId: 'order-2', amount: 0, pointsUsed: 50, pointsEarned: 0 }));
    const before = wallets.stored('user-1');

    await expect(sut.refund(payment({ pointsUsed: 1_000 }))).rejects.toBeInstanceOf(
      PointsAlreadySpentError,
    );

    expect(wallets.stored('user-1')).toEqual(before);
    expect(wallets.entries()).toHaveLength(4);
  });
});
