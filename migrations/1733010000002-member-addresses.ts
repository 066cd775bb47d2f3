import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The address book: at most 10 addresses per member (checked under the
 * member's row lock), one default (a unique key on a generated column), every field
 * sealed (ADR 0032): the columns hold `e1.<key id>.<base64url>` values.
 */
export class MemberAddresses1733010000002 implements MigrationInterface {
  name = 'MemberAddresses1733010000002';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE member_addresses (
        id CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        user_id CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        recipient VARCHAR(400) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        phone VARCHAR(200) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        postal_code VARCHAR(200) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        line1 VARCHAR(700) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        line2 VARCHAR(700) CHARACTER SET ascii COLLATE ascii_bin NULL,
        is_default TINYINT(1) NOT NULL DEFAULT 0,
        -- 1 on the default, NULL elsewhere: (user_id, default_mark) is unique, NULLs repeat freely.
        -- Numeric on purpose: MariaDB refuses CHAR expressions in indexed generated columns.
        default_mark TINYINT AS (CASE WHEN is_default = 1 THEN 1 END) STORED,
        created_at DATETIME(3) NOT NULL,
        updated_at DATETIME(3) NOT NULL,
        PRIMARY KEY (id),
        KEY ix_member_addresses_user (user_id, id),
        UNIQUE KEY uq_member_addresses_default (user_id, default_mark),
        CONSTRAINT fk_member_addresses_user FOREIGN KEY (user_id) REFERENCES users (id),
        CONSTRAINT ck_member_addresses_default CHECK (is_default IN (0, 1))
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE member_addresses');
  }
}
