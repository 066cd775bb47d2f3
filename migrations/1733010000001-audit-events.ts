import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The append-only audit trail (ADR 0034): who did or read what of whose
 * personal data. Triggers refuse every UPDATE and DELETE, whatever account
 * runs them; the client address is a keyed pseudonym (BLIND_INDEX_KEY), never the address.
 */
export class AuditEvents1733010000001 implements MigrationInterface {
  name = 'AuditEvents1733010000001';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE audit_events (
        id CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        occurred_at DATETIME(3) NOT NULL,
        actor_user_id CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NULL,
        actor_role VARCHAR(16) CHARACTER SET ascii COLLATE ascii_bin NULL,
        action VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        subject_user_id CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NULL,
        resource VARCHAR(200) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        request_id VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NULL,
        client_address_hmac CHAR(64) CHARACTER SET ascii COLLATE ascii_bin NULL,
        PRIMARY KEY (id),
        KEY ix_audit_events_subject (subject_user_id, id),
        KEY ix_audit_events_actor (actor_user_id, id)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await db.query(`
      CREATE TRIGGER tr_audit_events_no_update BEFORE UPDATE ON audit_events FOR EACH ROW
      SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'audit_events is append-only'`);
    await db.query(`
      CREATE TRIGGER tr_audit_events_no_delete BEFORE DELETE ON audit_events FOR EACH ROW
      SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'audit_events is append-only'`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TRIGGER IF EXISTS tr_audit_events_no_delete');
    await db.query('DROP TRIGGER IF EXISTS tr_audit_events_no_update');
    await db.query('DROP TABLE audit_events');
  }
}
