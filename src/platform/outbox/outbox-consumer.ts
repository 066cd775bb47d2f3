import { Injectable, Logger } from '@nestjs/common';
import type { Job } from 'bull';
import { ConsumeOutcome, IdempotentConsumer } from '../queue/idempotent-consumer';
import { OutboxJob } from '../queue/outbox-job';
import { OutboxDeliveries } from './outbox-deliveries';
import { consumerName, OutboxSubscriptions } from './outbox-subscriptions';
import { safeErrorMessage } from '../observability/safe-error';

/**
 * The one way a Bull processor consumes an outbox event:
 *
 * ```ts
 * @Process({ name: 'welcome-email', concurrency: 5 })
 * welcome(job: Job<OutboxJob<UserRegisteredPayload>>) {
 *   return this.outbox.consume(job, (event) => this.commands.execute(...));
 * }
 * ```
 *
 * The work runs at most once per (consumer, event) however often the job is
 * delivered (`IdempotentConsumer`; the consumer is `<queue>.<job name>`, the
 * subscription's name); when it is done and every other consumer of the event
 * is too, the event is marked delivered. Until then the relay keeps the event
 * alive, whatever happens to Redis (ADR 0040).
 */
@Injectable()
export class OutboxConsumer {
  private readonly logger = new Logger(OutboxConsumer.name);

  constructor(
    private readonly idempotent: IdempotentConsumer,
    private readonly subscriptions: OutboxSubscriptions,
    private readonly deliveries: OutboxDeliveries,
  ) {}

  async consume<TPayload>(
    job: Job<OutboxJob<TPayload>>,
    work: (event: OutboxJob<TPayload>) => Promise<unknown>,
  ): Promise<ConsumeOutcome> {
    const event = job.data;
    const outcome = await this.idempotent.runOnce(
      consumerName(job.queue.name, job.name),
      event.eventId,
      async () => void (await work(event)),
    );
    const consumers = this.subscriptions
      .for(event.type)
      .map((subscription) => consumerName(subscription.queue, subscription.job));
    // The relay marks it later if this fails or another consumer finishes at the same moment.
    await this.deliveries
      .markDeliveredIfComplete(event.eventId, consumers)
      .catch((error: Error) =>
        this.logger.warn(
          `could not mark event ${event.eventId} delivered: ${safeErrorMessage(error)}`,
        ),
      );
    return outcome;
  }
}
