import { DomainEvent } from '../domain-event';
import { EventOutbox } from '../event-outbox.port';
import { ImmediateUnitOfWork } from './immediate-unit-of-work.fake';

export interface AppendedEvent {
  readonly event: DomainEvent;
  /** The transaction the event was appended in. */
  readonly transaction: number | undefined;
}

/**
 * Keeps appended events in memory. Like the real outbox it refuses to write
 * outside a transaction, and what a rolled-back transaction appended is gone.
 */
export class RecordingEventOutbox extends EventOutbox {
  private rows: AppendedEvent[] = [];

  constructor(private readonly unitOfWork: ImmediateUnitOfWork) {
    super();
    unitOfWork.enlist({
      checkpoint: () => {
        const saved = [...this.rows];
        return () => {
          this.rows = saved;
        };
      },
    });
  }

  /** Committed (or still pending) events, in order. */
  get appended(): readonly AppendedEvent[] {
    return this.rows;
  }

  /** Just the events, in order. */
  get events(): readonly DomainEvent[] {
    return this.rows.map((row) => row.event);
  }

  async append(events: readonly DomainEvent[]): Promise<void> {
    if (events.length === 0) return;
    const transaction = this.unitOfWork.currentTransaction;
    if (transaction === undefined) {
      throw new Error('EventOutbox.append must run inside UnitOfWork.run');
    }
    this.rows.push(...events.map((event) => ({ event, transaction })));
  }
}
