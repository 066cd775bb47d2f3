import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { UnitOfWork } from '../../shared/kernel/unit-of-work.port';
import { AppConfig } from '../config/app-config';
import { DatabaseTopology } from './database-topology';
import { PoolMetrics } from './pool-metrics';
import { ReadDatabase } from './read-database';
import { ReadYourWrites } from './read-your-writes';
import { ReplicaLagMonitor } from './replica-lag-monitor';
import { TransactionContext } from './transaction-context';
import { typeOrmOptions } from './typeorm-options';
import { TypeOrmUnitOfWork } from './typeorm-unit-of-work';

/** Primary + replica data source, the UnitOfWork adapter and read routing. */
@Global()
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        ...typeOrmOptions(config.database),
        autoLoadEntities: true,
      }),
    }),
  ],
  providers: [
    DatabaseTopology,
    TransactionContext,
    ReplicaLagMonitor,
    ReadYourWrites,
    ReadDatabase,
    PoolMetrics,
    { provide: UnitOfWork, useClass: TypeOrmUnitOfWork },
  ],
  exports: [
    DatabaseTopology,
    TransactionContext,
    ReplicaLagMonitor,
    ReadYourWrites,
    ReadDatabase,
    UnitOfWork,
  ],
})
export class DatabaseModule {}
