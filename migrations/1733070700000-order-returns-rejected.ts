import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A requested return may be REJECTED (ADR 0080): `order_returns.status` is
 * VARCHAR(16), wide enough, but its CHECK admitted only REQUESTED and
 * APPROVED. DROP CONSTRAINT / ADD CONSTRAINT run on MariaDB and MySQL 8.4.
 */
export class OrderReturnsRejected1733070700000 implements MigrationInterface {
  name = 'OrderReturnsRejected1733070700000';

  async up(db: QueryRunner): Promise<void> {
    await db.query('ALTER TABLE order_returns DROP CONSTRAINT ck_order_returns_status');
    await db.query(
      "ALTER TABLE order_returns ADD CONSTRAINT ck_order_returns_status CHECK (status IN ('REQUESTED', 'APPROVED', 'REJECTED'))",
    );
  }

  async down(db: QueryRunner): Promise<void> {
    // The old schema cannot say REJECTED: those returns go (their units were
    // already released, they have no ledger rows); the rest is unchanged.
    await db.query(
      "DELETE rl FROM order_return_lines rl JOIN order_returns r ON r.id = rl.return_id WHERE r.status = 'REJECTED'",
    );
    await db.query("DELETE FROM order_returns WHERE status = 'REJECTED'");
    await db.query('ALTER TABLE order_returns DROP CONSTRAINT ck_order_returns_status');
    await db.query(
      "ALTER TABLE order_returns ADD CONSTRAINT ck_order_returns_status CHECK (status IN ('REQUESTED', 'APPROVED'))",
    );
  }
}
