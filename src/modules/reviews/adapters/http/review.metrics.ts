import { Injectable } from '@nestjs/common';
import { Counter } from 'prom-client';
import { MetricsService } from '../../../../platform/observability/metrics.service';

/** What happened to reviews; repeats that changed nothing are not counted. */
export type ReviewAction = 'posted' | 'edited' | 'deleted' | 'hidden' | 'voted_helpful';

/** Business counter of /metrics (ADR 0024): review changes by action. */
@Injectable()
export class ReviewMetrics {
  private readonly total: Counter<string>;

  constructor(metrics: MetricsService) {
    this.total = metrics.counter(
      'hexashop_reviews_total',
      'Review changes by action: posted, edited, deleted (by the author), hidden (by an admin), voted_helpful',
      ['action'],
    );
  }

  changed(action: ReviewAction): void {
    this.total.inc({ action });
  }
}
