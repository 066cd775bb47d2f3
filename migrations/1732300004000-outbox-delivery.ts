import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Delivery is decided in the database (ADR 0040): `outbox_events.delivered_at`
 * is set once every subscribed consumer has its `processed_messages` row
 * DONE; the relay re-checks undelivered events by `(delivered_at, id)` and the
 * housekeeping job deletes delivered events by the same index.
 * `processed_messages.created_at` gets the index the housekeeping prune uses.
 * Events published before this migration count as delivered (their consumers
 * were never tracked per event).
 */
export class OutboxDelivery1732300004000 implements MigrationInterface {
  name = 'OutboxDelivery1732300004000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE outbox_events
        ADD COLUMN delivered_at DATETIME(3) NULL AFTER published_at,
        ADD KEY ix_outbox_events_undelivered (delivered_at, id)`);
    await db.query(
      'UPDATE outbox_events SET delivered_at = published_at WHERE published_at IS NOT NULL',
    );
    await db.query(
      'ALTER TABLE processed_messages ADD KEY ix_processed_messages_created (created_at)',
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('ALTER TABLE processed_messages DROP KEY ix_processed_messages_created');
    await db.query(`
      ALTER TABLE outbox_events
        DROP KEY ix_outbox_events_undelivered,
        DROP COLUMN delivered_at`);
  }
}
