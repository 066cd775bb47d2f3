import { Injectable } from '@nestjs/common';
import { DomainEvent } from '../../shared/kernel/domain-event';
import { EventOutbox } from '../../shared/kernel/event-outbox.port';
import { IdGenerator } from '../../shared/kernel/id-generator.port';
import { TransactionContext } from '../database/transaction-context';

/**
 * Writes domain events to `outbox_events` with the transaction's own
 * connection, so they commit or roll back with the state change. The event
 * id becomes the Bull job id and the consumers' idempotency key.
 */
@Injectable()
export class TypeOrmEventOutbox extends EventOutbox {
  constructor(
    private readonly transaction: TransactionContext,
    private readonly ids: IdGenerator,
  ) {
    super();
  }

  async append(events: readonly DomainEvent[]): Promise<void> {
    if (events.length === 0) return;
    if (!this.transaction.active())
      throw new Error('EventOutbox.append must run inside UnitOfWork.run');
    const rows = events.map((event) => [
      this.ids.next(),
      event.type,
      event.aggregateType,
      event.aggregateId,
      JSON.stringify(event.payload),
      event.occurredAt,
    ]);
    await this.transaction
      .sql()
      .query(
        `INSERT INTO outbox_events (id, type, aggregate_type, aggregate_id, payload, occurred_at) VALUES ${rows.map(() => '(?, ?, ?, ?, ?, ?)').join(', ')}`,
        rows.flat(),
      );
  }
}
