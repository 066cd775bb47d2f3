import { Global, Module } from '@nestjs/common';
import { MetricsController } from './metrics.controller';
import { MetricsService } from './metrics.service';
import { SharedStateLease } from './shared-state-lease';

@Global()
@Module({
  controllers: [MetricsController],
  providers: [MetricsService, SharedStateLease],
  exports: [MetricsService],
})
export class ObservabilityModule {}
