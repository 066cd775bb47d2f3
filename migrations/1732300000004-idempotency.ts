import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Idempotency-Key records (ADR 0011): one row per (user, route, key), claimed
 * IN_PROGRESS by an autocommit INSERT and completed in the business
 * transaction. The response body is kept as text, byte for byte (a JSON
 * column would be normalised by MySQL).
 */
export class Idempotency1732300000004 implements MigrationInterface {
  name = 'Idempotency1732300000004';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE idempotency_records (
        id CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        user_id CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        route VARCHAR(200) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        idem_key VARCHAR(100) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        request_hash CHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        status VARCHAR(16) NOT NULL,
        claim_token CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        locked_until DATETIME(3) NULL,
        response_status SMALLINT NULL,
        response_body MEDIUMTEXT NULL,
        created_at DATETIME(3) NOT NULL,
        completed_at DATETIME(3) NULL,
        expires_at DATETIME(3) NOT NULL,
        PRIMARY KEY (id),
        UNIQUE KEY uq_idempotency_records_key (user_id, route, idem_key),
        KEY ix_idempotency_records_expires (expires_at),
        CONSTRAINT ck_idempotency_records_status CHECK (status IN ('IN_PROGRESS', 'COMPLETED')),
        CONSTRAINT ck_idempotency_records_completed CHECK (status = 'IN_PROGRESS' OR response_status IS NOT NULL)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE idempotency_records');
  }
}
