import { Global, Module } from '@nestjs/common';
import { SecurityEvents } from '../../shared/kernel/security-events.port';
import { LogSecurityEvents } from './log-security-events';
import { MetricsService } from './metrics.service';
import { SharedStateLease } from './shared-state-lease';

/**
 * Prometheus metrics (the scrape endpoint is served by the health folder's
 * MetricsController) and the security event log (SecurityEvents port).
 */
@Global()
@Module({
  providers: [
    MetricsService,
    SharedStateLease,
    { provide: SecurityEvents, useClass: LogSecurityEvents },
  ],
  exports: [MetricsService, SecurityEvents],
})
export class ObservabilityModule {}
