import { Injectable } from '@nestjs/common';
import { QueueName } from '../queue/queue-names';

export interface Subscription {
  readonly queue: QueueName;
  readonly job: string;
}

/**
 * The consumer name of a subscription: the key of its `processed_messages`
 * rows. `OutboxConsumer.consume` derives the same name from the running job.
 */
export function consumerName(queue: string, job: string): string {
  return `${queue}.${job}`;
}

/**
 * Which jobs each event type starts. Consumer modules subscribe at start-up
 * (in the worker); the relay fans each outbox event out to its subscriptions,
 * and an event is delivered once every subscription's consumer is done.
 * The Bull job id is the event id, so one event type starts at most one job
 * per queue: a second consumer of the same event needs a queue of its own.
 */
@Injectable()
export class OutboxSubscriptions {
  private readonly byType = new Map<string, Subscription[]>();

  subscribe(eventType: string, subscription: Subscription): void {
    const list = this.byType.get(eventType) ?? [];
    const sameQueue = list.find((s) => s.queue === subscription.queue);
    if (sameQueue?.job === subscription.job) return;
    if (sameQueue)
      throw new Error(
        `${eventType} already starts "${sameQueue.job}" on queue ${subscription.queue}: ` +
          `"${subscription.job}" needs another queue (job ids are event ids, one job per queue)`,
      );
    list.push(subscription);
    this.byType.set(eventType, list);
  }

  for(eventType: string): readonly Subscription[] {
    return this.byType.get(eventType) ?? [];
  }
}
