import { DomainEvent } from './domain-event';

/**
 * Stores domain events in the transactional outbox. Must be called inside
 * `UnitOfWork.run`, so the events commit or roll back with the state change;
 * a relay publishes them to the job queue afterwards.
 */
export abstract class EventOutbox {
  /** Appends the events to the outbox of the current transaction. */
  abstract append(events: readonly DomainEvent[]): Promise<void>;
}
