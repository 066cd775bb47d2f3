import { Injectable } from '@nestjs/common';
import { Counter } from 'prom-client';
import { MetricsService } from '../../../../platform/observability/metrics.service';

/** Business counter of /metrics: returns requested and approved (replays and repeated approvals are not counted). */
@Injectable()
export class ReturnMetrics {
  private readonly total: Counter<string>;

  constructor(metrics: MetricsService) {
    this.total = metrics.counter(
      'hexashop_returns_total',
      'Returns by outcome: requested (by the customer), approved (refunded on receipt)',
      ['outcome'],
    );
  }

  counted(outcome: 'requested' | 'approved'): void {
    this.total.inc({ outcome });
  }
}
