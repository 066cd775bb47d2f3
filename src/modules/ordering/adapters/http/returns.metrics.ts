import { Injectable } from '@nestjs/common';
import { Counter } from 'prom-client';
import { MetricsService } from '../../../../platform/observability/metrics.service';

/** Business counter of /metrics: returns requested, approved and rejected (replays and repeated decisions are not counted). */
@Injectable()
export class ReturnMetrics {
  private readonly total: Counter<string>;

  constructor(metrics: MetricsService) {
    this.total = metrics.counter(
      'hexashop_returns_total',
      'Returns by outcome: requested (by the customer), approved (refunded on receipt), rejected (never arrived, units released)',
      ['outcome'],
    );
  }

  counted(outcome: 'requested' | 'approved' | 'rejected'): void {
    this.total.inc({ outcome });
  }
}
