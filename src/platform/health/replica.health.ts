import { Injectable } from '@nestjs/common';
import { HealthIndicatorResult, HealthIndicatorService } from '@nestjs/terminus';
import { ReplicaLagMonitor } from '../database/replica-lag-monitor';

/**
 * Replicas never fail readiness: reads fall back to the primary. A replica
 * that is down or lagging is reported as `degraded`, with its lag.
 */
@Injectable()
export class ReplicaHealthIndicator {
  constructor(
    private readonly health: HealthIndicatorService,
    private readonly lag: ReplicaLagMonitor,
  ) {}

  check(key: 'replicas'): HealthIndicatorResult<'replicas'> {
    const session = this.health.check(key);
    if (!this.lag.hasReplicas()) return session.up({ state: 'none', reads: 'primary' });
    const replicas = this.lag.snapshot().map((state) => ({
      name: state.name,
      up: state.up,
      lagMs: state.lagMs ?? null,
      ...(state.error ? { error: state.error } : {}),
    }));
    const usable = this.lag.usable();
    return session.up({
      state: usable ? 'ok' : 'degraded',
      reads: usable ? 'replica' : 'primary',
      replicas,
    });
  }
}
