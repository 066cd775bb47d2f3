import { MigrationInterface, QueryRunner } from 'typeorm';

/** Users, login sessions (refresh-token families) and refresh tokens. */
export class Identity1732300000001 implements MigrationInterface {
  name = 'Identity1732300000001';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE users (
        id CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        email VARCHAR(254) NOT NULL,
        name VARCHAR(50) NOT NULL,
        password_hash VARCHAR(255) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        role VARCHAR(16) NOT NULL,
        created_at DATETIME(3) NOT NULL,
        updated_at DATETIME(3) NOT NULL,
        PRIMARY KEY (id),
        UNIQUE KEY uq_users_email (email),
        CONSTRAINT ck_users_role CHECK (role IN ('CUSTOMER', 'ADMIN')),
        CONSTRAINT ck_users_name CHECK (CHAR_LENGTH(name) BETWEEN 1 AND 50),
        CONSTRAINT ck_users_password_hash CHECK (password_hash LIKE '$argon2%')
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await db.query(`
      CREATE TABLE auth_sessions (
        id CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        user_id CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        created_at DATETIME(3) NOT NULL,
        revoked_at DATETIME(3) NULL,
        revoked_reason VARCHAR(16) NULL,
        PRIMARY KEY (id),
        KEY ix_auth_sessions_user (user_id),
        CONSTRAINT fk_auth_sessions_user FOREIGN KEY (user_id) REFERENCES users (id),
        CONSTRAINT ck_auth_sessions_reason CHECK (revoked_reason IS NULL OR revoked_reason IN ('LOGOUT', 'REUSE'))
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await db.query(`
      CREATE TABLE refresh_tokens (
        id CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        session_id CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        token_hash CHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        expires_at DATETIME(3) NOT NULL,
        used_at DATETIME(3) NULL,
        created_at DATETIME(3) NOT NULL,
        PRIMARY KEY (id),
        UNIQUE KEY uq_refresh_tokens_hash (token_hash),
        KEY ix_refresh_tokens_session (session_id),
        CONSTRAINT fk_refresh_tokens_session FOREIGN KEY (session_id) REFERENCES auth_sessions (id) ON DELETE CASCADE
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE refresh_tokens');
    await db.query('DROP TABLE auth_sessions');
    await db.query('DROP TABLE users');
  }
}
