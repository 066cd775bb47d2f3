import { DomainEvent } from './domain-event';

/**
 * Base of aggregates: keeps the domain events recorded since the aggregate was
 * loaded or created until the command handler pulls them after saving.
 */
export abstract class AggregateRoot {
  private pendingEvents: DomainEvent[] = [];

  protected record(event: DomainEvent): void {
    this.pendingEvents.push(event);
  }

  /** Returns and forgets the recorded events (call once, after saving). */
  pullEvents(): DomainEvent[] {
    const events = this.pendingEvents;
    this.pendingEvents = [];
    return events;
  }
}
