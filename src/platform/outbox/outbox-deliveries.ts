import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** Key of one (consumer, event) pair in the sets below. */
export function deliveryKey(consumer: string, eventId: string): string {
  return `${consumer}\u0000${eventId}`;
}

/**
 * The database's word on delivery (ADR 0040): a consumer is done with an
 * event when its `processed_messages` row is DONE, and an event is delivered
 * (`outbox_events.delivered_at`) when every subscribed consumer is done.
 */
@Injectable()
export class OutboxDeliveries {
  constructor(private readonly dataSource: DataSource) {}

  /** The (consumer, event) pairs among these that are DONE, as `deliveryKey`s. */
  async done(pairs: ReadonlyArray<{ consumer: string; eventId: string }>): Promise<Set<string>> {
    if (pairs.length === 0) return new Set();
    const byConsumer = new Map<string, string[]>();
    for (const { consumer, eventId } of pairs)
      byConsumer.set(consumer, [...(byConsumer.get(consumer) ?? []), eventId]);
    const groups = [...byConsumer.entries()];
    // One primary-key range per consumer.
    const rows = (await this.dataSource.query(
      `SELECT consumer, message_id FROM processed_messages
        WHERE status = 'DONE' AND (${groups.map(() => '(consumer = ? AND message_id IN (?))').join(' OR ')})`,
      groups.flatMap(([consumer, ids]) => [consumer, ids]),
    )) as Array<{ consumer: string; message_id: string }>;
    return new Set(rows.map((row) => deliveryKey(row.consumer, row.message_id)));
  }

  /** Marks events delivered (a no-op for those already marked). */
  async markDelivered(eventIds: readonly string[], at = new Date()): Promise<void> {
    if (eventIds.length === 0) return;
    await this.dataSource.query(
      'UPDATE outbox_events SET delivered_at = ?, published_at = COALESCE(published_at, ?), claimed_until = NULL WHERE id IN (?) AND delivered_at IS NULL',
      [at, at, eventIds],
    );
  }

  /** Marks the event delivered if every one of `consumers` is done with it; true if it is. */
  async markDeliveredIfComplete(eventId: string, consumers: readonly string[]): Promise<boolean> {
    if (consumers.length === 0) return false;
    const [row] = (await this.dataSource.query(
      "SELECT COUNT(*) AS n FROM processed_messages WHERE consumer IN (?) AND message_id = ? AND status = 'DONE'",
      [consumers, eventId],
    )) as Array<{ n: number | string }>;
    if (Number(row?.n) < consumers.length) return false;
    await this.markDelivered([eventId]);
    return true;
  }

  /**
   * Records a consumer as done on its behalf (its job completed in Bull
   * without a processed row); leaves a row that exists alone. True if written.
   */
  async recordDone(consumer: string, eventId: string): Promise<boolean> {
    const result = (await this.dataSource.query(
      `INSERT IGNORE INTO processed_messages (consumer, message_id, status, processed_at)
       VALUES (?, ?, 'DONE', ?)`,
      [consumer, eventId, new Date()],
    )) as { affectedRows: number };
    return result.affectedRows === 1;
  }
}
