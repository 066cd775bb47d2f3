import { TestingModule } from '@nestjs/testing';
import { createPlatformContext } from '../../../test/support/platform-context';
import { waitUntil } from '../../../test/support/fixtures';
import { Stack } from '../../../test/support/stack';
import { UnitOfWork } from '../../shared/kernel/unit-of-work.port';
import { RequestContext } from '../request-context/request-context';
import { ReadDatabase } from './read-database';
import { ReplicaLagMonitor } from './replica-lag-monitor';
import { TransactionContext } from './transaction-context';

const serverId = async (read: () => Promise<Array<{ id: number | string }>>): Promise<number> =>
  Number((await read())[0]?.id);

describe(ReadDatabase.name, () => {
  let context: TestingModule;
  let sut: ReadDatabase;
  let unitOfWork: UnitOfWork;
  let transaction: TransactionContext;
  let lag: ReplicaLagMonitor;
  const onReplica = () => serverId(() => sut.query<{ id: number }>('SELECT @@server_id AS id'));

  beforeAll(async () => {
    context = await createPlatformContext();
    sut = context.get(ReadDatabase);
    unitOfWork = context.get(UnitOfWork);
    transaction = context.get(TransactionContext);
    lag = context.get(ReplicaLagMonitor);
    expect(await waitUntil(async () => lag.usable(), 5_000)).toBe(true);
  });

  afterAll(async () => {
    await Stack.start('replica');
    await context.close();
  });

  it('runs read-model queries on the replica (server_id 2)', async () => {
    expect(await onReplica()).toBe(2);
  });

  it('runs unit-of-work transactions on the primary (server_id 1)', async () => {
    const id = await unitOfWork.run(() =>
      serverId(() => transaction.manager().query('SELECT @@server_id AS id')),
    );
    expect(id).toBe(1);
  });

  it('sends a user who just wrote to the primary, and other users to the replica', async () => {
    await RequestContext.run({ requestId: 'writer', userId: 'user-who-writes' }, async () => {
      await unitOfWork.run(() =>
        transaction
          .manager()
          .query('UPDATE replication_heartbeats SET beat_ms = beat_ms WHERE id = 1'),
      );
      expect(await onReplica()).toBe(1);
    });
    await RequestContext.run({ requestId: 'reader', userId: 'someone-else' }, async () => {
      expect(await onReplica()).toBe(2);
    });
  });

  it('answers from the primary at once when the replica dies, and returns to the replica when it is back', async () => {
    await Stack.stop('replica');
    // The first read after the failure may still try the replica: it must fall back within the same call.
    expect(await onReplica()).toBe(1);
    expect(await waitUntil(async () => !lag.usable(), 3_000)).toBe(true);
    expect(await onReplica()).toBe(1);

    await Stack.start('replica');
    expect(await waitUntil(async () => (await onReplica()) === 2, 15_000, 200)).toBe(true);
  });

  it('reads the primary while the replica is too far behind, and the replica again once it caught up', async () => {
    await Stack.sql('replica', 'STOP SLAVE SQL_THREAD');
    try {
      expect(await waitUntil(async () => (lag.snapshot()[0]?.lagMs ?? 0) > 1_000, 5_000)).toBe(
        true,
      );
      expect(lag.snapshot()[0]?.up).toBe(true);
    } finally {
      await Stack.sql('replica', 'START SLAVE SQL_THREAD');
    }
    expect(await waitUntil(async () => (lag.snapshot()[0]?.lagMs ?? Infinity) < 1_000, 5_000)).toBe(
      true,
    );
    expect(await onReplica()).toBe(2);
  });
});
