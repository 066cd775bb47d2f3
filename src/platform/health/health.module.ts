import { Global, Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { HealthController } from './health.controller';
import { DatabaseHealthIndicator } from './database.health';
import { RedisHealthIndicator } from './redis.health';
import { ShutdownState } from './shutdown-state';
import { StartupState } from './startup-state';

@Global()
@Module({
  imports: [TerminusModule.forRoot({ logger: false })],
  controllers: [HealthController],
  providers: [ShutdownState, StartupState, RedisHealthIndicator, DatabaseHealthIndicator],
  exports: [ShutdownState, StartupState],
})
export class HealthModule {}
