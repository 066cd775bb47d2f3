import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * users.erased_at: the member erased their account (DELETE /users/me). The
 * row stays for the orders, ledger and audit rows that name it; its sealed
 * values are unreadable once the member's key is destroyed (ADR 0035).
 */
export class UsersErasedAt1733050000002 implements MigrationInterface {
  name = 'UsersErasedAt1733050000002';

  async up(db: QueryRunner): Promise<void> {
    await db.query('ALTER TABLE users ADD COLUMN erased_at DATETIME(3) NULL');
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('ALTER TABLE users DROP COLUMN erased_at');
  }
}
