import { FixedClock } from '../../../../../shared/kernel/testing/fixed-clock.fake';
import { ImmediateUnitOfWork } from '../../../../../shared/kernel/testing/immediate-unit-of-work.fake';
import { SequentialIdGenerator } from '../../../../../shared/kernel/testing/sequential-id-generator.fake';
import { ValidationError } from '../../../../../shared/kernel/validation.error';
import { BalanceLimitExceededError } from '../../../domain/balance-limit-exceeded.error';
import { InMemoryWalletRepository } from '../../testing/in-memory-wallet.repository.fake';
import { ChargeWalletCommand } from './charge-wallet.command';
import { ChargeWalletHandler } from './charge-wallet.handler';

describe(ChargeWalletHandler.name, () => {
  let unitOfWork: ImmediateUnitOfWork;
  let wallets: InMemoryWalletRepository;
  let clock: FixedClock;
  let sut: ChargeWalletHandler;

  beforeEach(() => {
    unitOfWork = new ImmediateUnitOfWork();
    wallets = new InMemoryWalletRepository(unitOfWork);
    clock = new FixedClock(new Date('2025-03-01T09:00:00.000Z'));
    sut = new ChargeWalletHandler(wallets, unitOfWork, new SequentialIdGenerator('tx'), clock);
  });

  it('creates a missing wallet, credits it and returns the balance and the ledger row id', async () => {
    const result = await sut.execute(new ChargeWalletCommand('user-1', 5_000));

    expect(result).toEqual({ balance: 5_000, transactionId: 'tx-1' });
    expect(wallets.stored('user-1')).toEqual({ balance: 5_000, points: 0, version: 1 });
    expect(wallets.entries('user-1').map((row) => row.entry)).toEqual([
      {
        id: 'tx-1',
        userId: 'user-1',
        type: 'CHARGE',
        amount: 5_000,
        balanceAfter: 5_000,
        pointsAfter: 0,
        orderId: null,
        returnId: null,
        at: clock.now(),
      },
    ]);
  });

  it('locks and writes in one committed transaction', async () => {
    await sut.execute(new ChargeWalletCommand('user-1', 5_000));

    expect(unitOfWork.committed).toEqual([1]);
    expect(wallets.locks).toEqual([{ userId: 'user-1', transaction: 1 }]);
    expect(wallets.entries().map((row) => row.transaction)).toEqual([1]);
  });

  it('adds to an existing balance', async () => {
    wallets.seed('user-1', 1_000, 40);

    const result = await sut.execute(new ChargeWalletCommand('user-1', 2_500));

    expect(result.balance).toBe(3_500);
    expect(wallets.stored('user-1')).toMatchObject({ balance: 3_500, points: 40 });
  });

  it('fails with BALANCE_LIMIT_EXCEEDED and leaves wallet and ledger unchanged', async () => {
    wallets.seed('user-1', 99_500_000, 0);

    await expect(sut.execute(new ChargeWalletCommand('user-1', 500_001))).rejects.toBeInstanceOf(
      BalanceLimitExceededError,
    );

    expect(wallets.stored('user-1')).toEqual({ balance: 99_500_000, points: 0, version: 0 });
    expect(wallets.entries()).toEqual([]);
    expect(unitOfWork.rolledBack).toEqual([1]);
  });

  it('rejects an amount over 1,000,000 as a validation error without creating a wallet', async () => {
    await expect(sut.execute(new ChargeWalletCommand('user-1', 1_000_001))).rejects.toBeInstanceOf(
      ValidationError,
    );

    expect(wallets.stored('user-1')).toBeUndefined();
  });
});
