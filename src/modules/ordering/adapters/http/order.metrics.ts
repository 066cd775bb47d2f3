import { Injectable } from '@nestjs/common';
import { Counter } from 'prom-client';
import { MetricsService } from '../../../../platform/observability/metrics.service';

/** Business counters of /metrics: orders placed (by route) and cancelled. Replays are not counted. */
@Injectable()
export class OrderMetrics {
  private readonly placedTotal: Counter<string>;
  private readonly cancelledTotal: Counter<string>;

  constructor(metrics: MetricsService) {
    this.placedTotal = metrics.counter('hexashop_orders_placed_total', 'Orders placed and paid', [
      'via',
    ]);
    this.cancelledTotal = metrics.counter(
      'hexashop_orders_cancelled_total',
      'Orders cancelled and refunded',
    );
  }

  placed(via: 'orders' | 'checkout'): void {
    this.placedTotal.inc({ via });
  }

  cancelled(): void {
    this.cancelledTotal.inc();
  }
}
