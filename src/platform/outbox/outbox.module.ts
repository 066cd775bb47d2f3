import { DynamicModule, Global, Module } from '@nestjs/common';
import { EventOutbox } from '../../shared/kernel/event-outbox.port';
import { OutboxConsumer } from './outbox-consumer';
import { OutboxDeliveries } from './outbox-deliveries';
import { OutboxRelay } from './outbox-relay';
import { OutboxSubscriptions } from './outbox-subscriptions';
import { TypeOrmEventOutbox } from './typeorm-event-outbox';

/** The outbox writer everywhere; the relay, subscriptions and the consumer side only in the worker. */
@Global()
@Module({})
export class OutboxModule {
  static forApi(): DynamicModule {
    return {
      module: OutboxModule,
      providers: [{ provide: EventOutbox, useClass: TypeOrmEventOutbox }],
      exports: [EventOutbox],
    };
  }

  static forWorker(): DynamicModule {
    return {
      module: OutboxModule,
      providers: [
        { provide: EventOutbox, useClass: TypeOrmEventOutbox },
        OutboxSubscriptions,
        OutboxDeliveries,
        OutboxConsumer,
        OutboxRelay,
      ],
      exports: [EventOutbox, OutboxSubscriptions, OutboxConsumer, OutboxRelay],
    };
  }
}
