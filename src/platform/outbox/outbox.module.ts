import { DynamicModule, Global, Module } from '@nestjs/common';
import { EventOutbox } from '../../shared/kernel/event-outbox.port';
import { OutboxRelay } from './outbox-relay';
import { OutboxSubscriptions } from './outbox-subscriptions';
import { TypeOrmEventOutbox } from './typeorm-event-outbox';

/** The outbox writer everywhere; the relay and subscriptions only in the worker. */
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
        OutboxRelay,
      ],
      exports: [EventOutbox, OutboxSubscriptions, OutboxRelay],
    };
  }
}
