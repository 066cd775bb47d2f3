import { Injectable } from '@nestjs/common';
import { Counter } from 'prom-client';
import { MetricsService } from '../../../../platform/observability/metrics.service';
import { ShipmentStatus } from '../../domain/shipment-status';

/** Business counters of /metrics: shipments moved to each state (repeats that changed nothing are not counted). */
@Injectable()
export class FulfillmentMetrics {
  private readonly movedTotal: Counter<string>;

  constructor(metrics: MetricsService) {
    this.movedTotal = metrics.counter(
      'hexashop_shipments_moved_total',
      'Shipments moved to a state: READY (created by the worker), SHIPPED, DELIVERED, CANCELLED',
      ['to'],
    );
  }

  moved(to: ShipmentStatus): void {
    this.movedTotal.inc({ to });
  }
}
