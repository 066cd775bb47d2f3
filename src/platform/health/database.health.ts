import { Injectable } from '@nestjs/common';
import { HealthIndicatorResult, HealthIndicatorService } from '@nestjs/terminus';
import { DataSource } from 'typeorm';
import { ReplicaLagMonitor } from '../database/replica-lag-monitor';
import { withTimeout } from '../resilience/with-timeout';

/** Longest wait for the primary's `SELECT 1` (HAProxy's check timeout is 2 s). */
export const PRIMARY_PING_TIMEOUT_MS = 1_000;

/**
 * The primary and the replicas, judged together (ADR 0020). Either one alone
 * keeps the instance useful: without the primary, reads go to the replicas
 * and commands answer 503; without replicas, reads go to the primary. Each is
 * then reported `up` with `state: "degraded"`, so readiness stays 200 (a
 * shared dependency down must not take every instance out of the balancer).
 * Only when neither answers are both `down`, and readiness 503.
 */
@Injectable()
export class DatabaseHealthIndicator {
  constructor(
    private readonly health: HealthIndicatorService,
    private readonly dataSource: DataSource,
    private readonly lag: ReplicaLagMonitor,
  ) {}

  async check(): Promise<HealthIndicatorResult<'primary' | 'replicas'>> {
    const primary = await this.pingPrimary();
    const replicas = this.lag.snapshot().map((state) => ({
      name: state.name,
      up: state.up,
      lagMs: state.lagMs ?? null,
      ...(state.error ? { error: state.error } : {}),
    }));
    const replicaAnswers = replicas.some((replica) => replica.up);
    const servable = primary.up || replicaAnswers;
    const usable = this.lag.usable();

    const primarySession = this.health.check('primary');
    const primaryResult = primary.up
      ? primarySession.up({ state: 'ok', latencyMs: primary.latencyMs })
      : servable
        ? primarySession.up({
            state: 'degraded',
            message: primary.error,
            commands: 'unavailable',
            reads: 'replicas',
          })
        : primarySession.down({ state: 'down', message: primary.error });

    const replicaSession = this.health.check('replicas');
    let replicaResult: HealthIndicatorResult<'replicas'>;
    if (!this.lag.hasReplicas()) {
      replicaResult = replicaSession.up({ state: 'none', reads: primary.up ? 'primary' : 'none' });
    } else if (!servable) {
      replicaResult = replicaSession.down({ state: 'down', replicas });
    } else {
      replicaResult = replicaSession.up({
        state: usable ? 'ok' : 'degraded',
        reads: usable ? 'replica' : 'primary',
        replicas,
      });
    }
    return { ...primaryResult, ...replicaResult };
  }

  private async pingPrimary(): Promise<{ up: boolean; latencyMs?: number; error?: string }> {
    const started = Date.now();
    try {
      await withTimeout(this.dataSource.query('SELECT 1'), PRIMARY_PING_TIMEOUT_MS, 'primary ping');
      return { up: true, latencyMs: Date.now() - started };
    } catch (error) {
      return { up: false, error: (error as Error).message };
    }
  }
}
