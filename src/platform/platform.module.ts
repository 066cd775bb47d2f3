import { DynamicModule, Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { LoggerModule } from 'nestjs-pino';
import { AuditModule } from './audit/audit.module';
import { CacheModule } from './cache/cache.module';
import { AppConfig } from './config/app-config';
import { ConfigModule } from './config/config.module';
import { CryptoModule } from './crypto/crypto.module';
import { DatabaseModule } from './database/database.module';
import { HealthModule } from './health/health.module';
import { KernelModule } from './kernel/kernel.module';
import { loggerOptions } from './observability/logger.options';
import { ObservabilityModule } from './observability/observability.module';

/** The infrastructure both processes share: config, logs, metrics, CQRS, MySQL, Redis, health. */
@Module({})
export class PlatformModule {
  static register(config: AppConfig): DynamicModule {
    return {
      module: PlatformModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggerModule.forRoot(loggerOptions(config)),
        CqrsModule.forRoot(),
        KernelModule,
        ObservabilityModule,
        CacheModule,
        DatabaseModule,
        CryptoModule,
        AuditModule,
        HealthModule,
      ],
    };
  }
}
