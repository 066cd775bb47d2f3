import { Global, Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { HealthController } from './health.controller';
import { MetricsController } from './metrics.controller';
import { RedisHealthIndicator } from './redis.health';
import { ReplicaHealthIndicator } from './replica.health';
import { ShutdownState } from './shutdown-state';

@Global()
@Module({
  imports: [TerminusModule.forRoot({ logger: false })],
  controllers: [HealthController, MetricsController],
  providers: [ShutdownState, RedisHealthIndicator, ReplicaHealthIndicator],
  exports: [ShutdownState],
})
export class HealthModule {}
