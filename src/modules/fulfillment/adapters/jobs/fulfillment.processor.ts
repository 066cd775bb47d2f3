import { Process, Processor } from '@nestjs/bull';
import { OnModuleInit } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { Job } from 'bull';
import { OutboxConsumer } from '../../../../platform/outbox/outbox-consumer';
import { OutboxSubscriptions } from '../../../../platform/outbox/outbox-subscriptions';
import type { OutboxJob } from '../../../../platform/queue/outbox-job';
import { QUEUES } from '../../../../platform/queue/queue-names';
import {
  OrderCancelled,
  OrderCancelledPayload,
} from '../../../ordering/application/events/order-cancelled.integration-event';
import {
  OrderPlaced,
  OrderPlacedPayload,
} from '../../../ordering/application/events/order-placed.integration-event';
import { CancelShipmentCommand } from '../../application/commands/cancel-shipment/cancel-shipment.command';
import { CreateShipmentCommand } from '../../application/commands/create-shipment/create-shipment.command';
import { FulfillmentMetrics } from '../http/fulfillment.metrics';

/**
 * The warehouse's queue: a READY shipment for each placed order, cancelled
 * with its order. Each job runs through the outbox consumer (at most once per
 * event), and the unique order id of shipments is the last word.
 */
@Processor(QUEUES.fulfillment)
export class FulfillmentProcessor implements OnModuleInit {
  constructor(
    private readonly commands: CommandBus,
    private readonly subscriptions: OutboxSubscriptions,
    private readonly outbox: OutboxConsumer,
    private readonly metrics: FulfillmentMetrics,
  ) {}

  onModuleInit(): void {
    this.subscriptions.subscribe(OrderPlaced.TYPE, {
      queue: QUEUES.fulfillment,
      job: 'create-shipment',
    });
    this.subscriptions.subscribe(OrderCancelled.TYPE, {
      queue: QUEUES.fulfillment,
      job: 'cancel-shipment',
    });
  }

  @Process({ name: 'create-shipment', concurrency: 5 })
  create(job: Job<OutboxJob<OrderPlacedPayload>>): Promise<unknown> {
    return this.outbox.consume(job, async ({ payload }) => {
      if (await this.commands.execute(new CreateShipmentCommand(payload.orderId, payload.userId)))
        this.metrics.moved('READY');
    });
  }

  @Process({ name: 'cancel-shipment', concurrency: 5 })
  cancel(job: Job<OutboxJob<OrderCancelledPayload>>): Promise<unknown> {
    return this.outbox.consume(job, ({ payload }) =>
      this.commands.execute(new CancelShipmentCommand(payload.orderId, payload.userId)),
    );
  }
}
