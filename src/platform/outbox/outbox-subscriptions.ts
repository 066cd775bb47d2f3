import { Injectable } from '@nestjs/common';
import { QueueName } from '../queue/queue-names';

export interface Subscription {
  readonly queue: QueueName;
  readonly job: string;
}

/**
 * Which jobs each event type starts. Consumer modules subscribe at start-up
 * (in the worker); the relay fans each outbox event out to its subscriptions.
 */
@Injectable()
export class OutboxSubscriptions {
  private readonly byType = new Map<string, Subscription[]>();

  subscribe(eventType: string, subscription: Subscription): void {
    const list = this.byType.get(eventType) ?? [];
    if (!list.some((s) => s.queue === subscription.queue && s.job === subscription.job))
      list.push(subscription);
    this.byType.set(eventType, list);
  }

  for(eventType: string): readonly Subscription[] {
    return this.byType.get(eventType) ?? [];
  }
}
