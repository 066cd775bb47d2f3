import { Process, Processor } from '@nestjs/bull';
import { OnModuleInit } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { Job } from 'bull';
import { OutboxConsumer } from '../../../../platform/outbox/outbox-consumer';
import { OutboxSubscriptions } from '../../../../platform/outbox/outbox-subscriptions';
import { OutboxJob } from '../../../../platform/queue/outbox-job';
import { QUEUES } from '../../../../platform/queue/queue-names';
import { RecordSalesCommand } from '../../application/commands/record-sales/record-sales.command';
import type { OrderCancelledPayload } from '../../application/events/order-cancelled.integration-event';
import { OrderCancelled } from '../../application/events/order-cancelled.integration-event';
import type { OrderPlacedPayload } from '../../application/events/order-placed.integration-event';
import { OrderPlaced } from '../../application/events/order-placed.integration-event';
import type { ReturnApprovedPayload } from '../../application/events/return-approved.integration-event';
import { ReturnApproved } from '../../application/events/return-approved.integration-event';

/** What the ranking reads of each order event it consumes. */
type SoldLines = {
  readonly placedAt: string;
  readonly lines: ReadonlyArray<{ readonly productId: string; readonly quantity: number }>;
};

/**
 * Keeps the sales ranking from order events. Each job runs through the outbox
 * consumer, and the ranking itself applies each event id at most once, so
 * retried or re-published jobs do not count twice.
 */
@Processor(QUEUES.ranking)
export class SalesRankingProcessor implements OnModuleInit {
  constructor(
    private readonly commands: CommandBus,
    private readonly subscriptions: OutboxSubscriptions,
    private readonly outbox: OutboxConsumer,
  ) {}

  onModuleInit(): void {
    this.subscriptions.subscribe(OrderPlaced.TYPE, { queue: QUEUES.ranking, job: 'order-placed' });
    this.subscriptions.subscribe(OrderCancelled.TYPE, {
      queue: QUEUES.ranking,
      job: 'order-cancelled',
    });
    this.subscriptions.subscribe(ReturnApproved.TYPE, {
      queue: QUEUES.ranking,
      job: 'return-approved',
    });
  }

  @Process({ name: 'order-placed', concurrency: 10 })
  placed(job: Job<OutboxJob<OrderPlacedPayload>>): Promise<unknown> {
    return this.record(job, 1);
  }

  @Process({ name: 'order-cancelled', concurrency: 10 })
  cancelled(job: Job<OutboxJob<OrderCancelledPayload>>): Promise<unknown> {
    return this.record(job, -1);
  }

  /** Returned units leave the ranking of the day the order was placed, like a cancellation. */
  @Process({ name: 'return-approved', concurrency: 10 })
  returned(job: Job<OutboxJob<ReturnApprovedPayload>>): Promise<unknown> {
    return this.record(job, -1);
  }

  /** Adds (1) or takes back (-1) the event's line quantities on the day its order was placed. */
  private record(job: Job<OutboxJob<SoldLines>>, sign: 1 | -1): Promise<unknown> {
    return this.outbox.consume(job, ({ eventId, payload }) =>
      this.commands.execute(
        new RecordSalesCommand(
          eventId,
          new Date(payload.placedAt),
          payload.lines.map((line) => ({
            productId: line.productId,
            soldQuantity: sign * line.quantity,
          })),
        ),
      ),
    );
  }
}
