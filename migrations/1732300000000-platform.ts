import { MigrationInterface, QueryRunner } from 'typeorm';

/** Outbox, consumer idempotency, dead letters and the replication heartbeat. */
export class Platform1732300000000 implements MigrationInterface {
  name = 'Platform1732300000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE outbox_events (
        id CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        type VARCHAR(100) NOT NULL,
        aggregate_type VARCHAR(50) NOT NULL,
        aggregate_id VARCHAR(64) NOT NULL,
        payload JSON NOT NULL,
        occurred_at DATETIME(3) NOT NULL,
        published_at DATETIME(3) NULL,
        claimed_until DATETIME(3) NULL,
        claimed_by CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NULL,
        attempts INT NOT NULL DEFAULT 0,
        PRIMARY KEY (id),
        KEY ix_outbox_events_unpublished (published_at, id)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await db.query(`
      CREATE TABLE processed_messages (
        consumer VARCHAR(100) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        message_id VARCHAR(100) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        status VARCHAR(16) NOT NULL,
        claim_token CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NULL,
        locked_until DATETIME(3) NULL,
        processed_at DATETIME(3) NULL,
        created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
        PRIMARY KEY (consumer, message_id),
        CONSTRAINT ck_processed_messages_status CHECK (status IN ('PROCESSING', 'DONE'))
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await db.query(`
      CREATE TABLE dead_letters (
        id CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        queue VARCHAR(50) NOT NULL,
        job_name VARCHAR(100) NOT NULL,
        job_id VARCHAR(100) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        payload JSON NOT NULL,
        error TEXT NOT NULL,
        attempts INT NOT NULL,
        status VARCHAR(20) NOT NULL,
        failed_at DATETIME(3) NOT NULL,
        redrive_requested_at DATETIME(3) NULL,
        redriven_at DATETIME(3) NULL,
        PRIMARY KEY (id),
        UNIQUE KEY uq_dead_letters_job (queue, job_id),
        KEY ix_dead_letters_status (status),
        CONSTRAINT ck_dead_letters_status CHECK (status IN ('DEAD', 'REDRIVE_REQUESTED', 'REDRIVEN'))
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await db.query(`
      CREATE TABLE replication_heartbeats (
        id TINYINT UNSIGNED NOT NULL,
        beat_ms BIGINT NOT NULL,
        PRIMARY KEY (id)
      ) ENGINE=InnoDB`);
    await db.query('INSERT INTO replication_heartbeats (id, beat_ms) VALUES (1, 0)');
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE replication_heartbeats');
    await db.query('DROP TABLE dead_letters');
    await db.query('DROP TABLE processed_messages');
    await db.query('DROP TABLE outbox_events');
  }
}
