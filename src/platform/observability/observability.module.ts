import { Global, Module } from '@nestjs/common';
import { MetricsService } from './metrics.service';
import { SharedStateLease } from './shared-state-lease';

/** Prometheus metrics (the scrape endpoint is served by the health folder's MetricsController). */
@Global()
@Module({ providers: [MetricsService, SharedStateLease], exports: [MetricsService] })
export class ObservabilityModule {}
