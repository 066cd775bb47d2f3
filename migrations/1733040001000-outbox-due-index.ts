import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The relay's claim reads undelivered events whose next look is due
 * (`delivered_at IS NULL AND (claimed_until IS NULL OR claimed_until < now)`).
 * With `(delivered_at, id)` it had to read every undelivered row, including
 * those parked for an hour behind a dead letter, on each 100 ms poll; with
 * `(delivered_at, claimed_until)` the due rows are one index range, in the
 * order the relay takes them (new events first, then the most overdue).
 */
export class OutboxDueIndex1733040001000 implements MigrationInterface {
  name = 'OutboxDueIndex1733040001000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE outbox_events
        DROP KEY ix_outbox_events_undelivered,
        ADD KEY ix_outbox_events_undelivered (delivered_at, claimed_until)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE outbox_events
        DROP KEY ix_outbox_events_undelivered,
        ADD KEY ix_outbox_events_undelivered (delivered_at, id)`);
  }
}
