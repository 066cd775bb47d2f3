import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Single-use tokens e-mailed to members (e-mail change confirmation,
 * password reset): only the SHA-256 of a token is stored, and the pending
 * new address is sealed like users.email with its blind index beside it.
 * Sessions may now also end by a password change, a reset or an erasure.
 */
export class MemberTokens1733050000001 implements MigrationInterface {
  name = 'MemberTokens1733050000001';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE member_tokens (
        id CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        user_id CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        purpose VARCHAR(16) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        token_hash CHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        new_email VARCHAR(1400) CHARACTER SET ascii COLLATE ascii_bin NULL,
        new_email_bidx CHAR(64) CHARACTER SET ascii COLLATE ascii_bin NULL,
        expires_at DATETIME(3) NOT NULL,
        used_at DATETIME(3) NULL,
        created_at DATETIME(3) NOT NULL,
        PRIMARY KEY (id),
        UNIQUE KEY uq_member_tokens_hash (token_hash),
        KEY ix_member_tokens_user (user_id, purpose),
        CONSTRAINT fk_member_tokens_user FOREIGN KEY (user_id) REFERENCES users (id),
        CONSTRAINT ck_member_tokens_purpose CHECK (purpose IN ('EMAIL_CHANGE', 'PASSWORD_RESET'))
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await db.query('ALTER TABLE auth_sessions DROP CONSTRAINT ck_auth_sessions_reason');
    await db.query(
      `ALTER TABLE auth_sessions ADD CONSTRAINT ck_auth_sessions_reason
         CHECK (revoked_reason IS NULL OR revoked_reason IN ('LOGOUT', 'REUSE', 'PASSWORD', 'RESET', 'ERASURE', 'ROLE'))`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE member_tokens');
  }
}
