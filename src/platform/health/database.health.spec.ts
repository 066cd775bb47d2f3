import { HealthIndicatorService } from '@nestjs/terminus';
import type { DataSource } from 'typeorm';
import type { ReplicaLagMonitor, ReplicaState } from '../database/replica-lag-monitor';
import { DatabaseHealthIndicator } from './database.health';

/** Primary answering or not, replicas as the lag monitor last saw them. */
function indicator(
  primaryUp: boolean,
  replicas: ReplicaState[] | undefined,
): DatabaseHealthIndicator {
  const dataSource = {
    query: () =>
      primaryUp ? Promise.resolve([{ 1: 1 }]) : Promise.reject(new Error('connect ECONNREFUSED')),
  } as unknown as DataSource;
  const lag = {
    hasReplicas: () => replicas !== undefined,
    snapshot: () => replicas ?? [],
    usable: () => (replicas ?? []).some((state) => state.up && (state.lagMs ?? Infinity) < 30_000),
  } as unknown as ReplicaLagMonitor;
  return new DatabaseHealthIndicator(new HealthIndicatorService(), dataSource, lag);
}

const replicaUp: ReplicaState = { name: 'replica0', up: true, watermark: 1, lagMs: 5 };
const replicaDown: ReplicaState = {
  name: 'replica0',
  up: false,
  watermark: undefined,
  lagMs: undefined,
  error: 'connect ECONNREFUSED',
};

describe(DatabaseHealthIndicator.name, () => {
  it('reports both ok when the primary and a replica answer', async () => {
    const sut = indicator(true, [replicaUp]);
    const result = await sut.check();
    expect(result.primary).toMatchObject({ status: 'up', state: 'ok' });
    expect(result.replicas).toMatchObject({ status: 'up', state: 'ok', reads: 'replica' });
  });

  it('keeps the primary up but degraded when only a replica answers (reads go on, commands 503)', async () => {
    const sut = indicator(false, [replicaUp]);
    const result = await sut.check();
    expect(result.primary).toMatchObject({
      status: 'up',
      state: 'degraded',
      commands: 'unavailable',
      message: 'connect ECONNREFUSED',
    });
    expect(result.replicas).toMatchObject({ status: 'up', state: 'ok' });
  });

  it('reports the replicas degraded, reads on the primary, when no replica answers', async () => {
    const sut = indicator(true, [replicaDown]);
    const result = await sut.check();
    expect(result.primary).toMatchObject({ status: 'up', state: 'ok' });
    expect(result.replicas).toMatchObject({ status: 'up', state: 'degraded', reads: 'primary' });
  });

  it('is down when neither the primary nor any replica answers', async () => {
    const sut = indicator(false, [replicaDown]);
    const result = await sut.check();
    expect(result.primary).toMatchObject({ status: 'down' });
    expect(result.replicas).toMatchObject({ status: 'down' });
  });

  it('is down when the primary does not answer and no replica is configured', async () => {
    const sut = indicator(false, undefined);
    const result = await sut.check();
    expect(result.primary).toMatchObject({ status: 'down' });
    expect(result.replicas).toMatchObject({ status: 'up', state: 'none', reads: 'none' });
  });
});
