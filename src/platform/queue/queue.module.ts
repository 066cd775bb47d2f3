import { BullModule } from '@nestjs/bull';
import { DynamicModule, Global, Module } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { AdminQueuesController } from './admin-queues.controller';
import { bullOptions } from './bull-options';
import { DeadLetters } from './dead-letters';
import { IdempotentConsumer } from './idempotent-consumer';
import { JobDrain } from './job-drain';
import { JobFailureRecorder } from './job-failure-recorder';
import { ALL_QUEUES } from './queue-names';
import { QueueMonitor } from './queue-monitor';
import { QueueStoreEpoch } from './queue-store-epoch';

const bull = [
  BullModule.forRootAsync({ inject: [AppConfig], useFactory: bullOptions }),
  BullModule.registerQueue(...ALL_QUEUES.map((name) => ({ name }))),
];

/**
 * Bull queues. The API only reads counts and manages dead letters (it never
 * enqueues: that is the outbox relay's job); the worker also records dead letters.
 */
@Global()
@Module({})
export class QueueModule {
  static forApi(): DynamicModule {
    return {
      module: QueueModule,
      imports: bull,
      controllers: [AdminQueuesController],
      providers: [QueueMonitor, DeadLetters],
      exports: [QueueMonitor, DeadLetters, BullModule],
    };
  }

  static forWorker(): DynamicModule {
    return {
      module: QueueModule,
      imports: bull,
      providers: [
        QueueMonitor,
        DeadLetters,
        IdempotentConsumer,
        JobFailureRecorder,
        QueueStoreEpoch,
        JobDrain,
      ],
      exports: [
        QueueMonitor,
        DeadLetters,
        IdempotentConsumer,
        QueueStoreEpoch,
        JobDrain,
        BullModule,
      ],
    };
  }
}
