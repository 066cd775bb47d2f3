import { TestingModule } from '@nestjs/testing';
import { CommandBus } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { waitUntil } from '../../../../../test/support/fixtures';
import { createPlatformContext } from '../../../../../test/support/platform-context';
import { Stack } from '../../../../../test/support/stack';
import { insertUser } from '../../../../../test/support/users';
import { ReplicaLagMonitor } from '../../../../platform/database/replica-lag-monitor';
import { RequestContext } from '../../../../platform/request-context/request-context';
import { IdempotencyModule } from '../../../../platform/idempotency/idempotency.module';
import { ValidationError } from '../../../../shared/kernel/validation.error';
import { ChargeWalletCommand } from '../../application/commands/charge-wallet/charge-wallet.command';
import { WalletReadModel } from '../../application/ports/wallet.read-model.port';
import { WalletModule } from '../../wallet.module';

describe('TypeOrmWalletReadModel', () => {
  let context: TestingModule;
  let dataSource: DataSource;
  let commands: CommandBus;
  let sut: WalletReadModel;

  beforeAll(async () => {
    context = await createPlatformContext([IdempotencyModule, WalletModule]);
    dataSource = context.get(DataSource);
    commands = context.get(CommandBus);
    sut = context.get(WalletReadModel);
    expect(await waitUntil(async () => context.get(ReplicaLagMonitor).usable(), 5_000)).toBe(true);
  });

  afterAll(() => context.close());

  it('reports 0/0 for a user without a wallet', async () => {
    expect(await sut.findByUser(await insertUser(dataSource))).toEqual({ balance: 0, points: 0 });
  });

  it('reads balance and ledger from the replica once replicated, newest first, page by page', async () => {
    const userId = await insertUser(dataSource);
    const ids: string[] = [];
    for (const amount of [100, 200, 300, 400, 500]) {
      ids.push((await commands.execute(new ChargeWalletCommand(userId, amount))).transactionId);
    }
    await Stack.waitReplica();

    expect(await sut.findByUser(userId)).toEqual({ balance: 1_500, points: 0 });
    const first = await sut.listTransactions(userId, 2);
    const second = await sut.listTransactions(userId, 2, first.nextCursor ?? undefined);
    const third = await sut.listTransactions(userId, 2, second.nextCursor ?? undefined);

    expect([...first.items, ...second.items, ...third.items].map((item) => item.id)).toEqual(
      [...ids].reverse(),
    );
    expect(third.nextCursor).toBeNull();
    expect(first.items[0]).toEqual({
      id: ids[4],
      type: 'CHARGE',
      amount: 500,
      balanceAfter: 1_500,
      pointsAfter: 0,
      createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
    });
    expect(first.items[0]).not.toHaveProperty('orderId');
  });

  it('shows the caller their own charge at once, even when the replica is not there yet', async () => {
    const userId = await insertUser(dataSource);
    await Stack.sql('replica', 'STOP SLAVE SQL_THREAD');
    try {
      await RequestContext.run({ requestId: 'ryw', userId }, async () => {
        await commands.execute(new ChargeWalletCommand(userId, 777));
        expect(await sut.findByUser(userId)).toEqual({ balance: 777, points: 0 });
        expect((await sut.listTransactions(userId, 20)).items).toHaveLength(1);
      });
    } finally {
      await Stack.sql('replica', 'START SLAVE SQL_THREAD');
      await Stack.waitReplica();
    }
  });

  it.each(['not-base64-$$', Buffer.from('not a uuid').toString('base64url')])(
    'rejects a forged cursor %p as a validation error',
    async (cursor) => {
      await expect(sut.listTransactions('someone', 20, cursor)).rejects.toBeInstanceOf(
        ValidationError,
      );
    },
  );
});
