import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Wallets (balance and points per user) and their append-only ledger. Ledger
 * amounts are positive; the type says which account moves and in which
 * direction (ADR 0012). The balance ceiling of 100,000,000 is a rule for
 * charges only: refunds may go above it, so the CHECK bounds the balance by
 * what JavaScript represents exactly (2^53 - 1).
 */
export class Wallet1732300000003 implements MigrationInterface {
  name = 'Wallet1732300000003';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE wallets (
        user_id CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        balance BIGINT NOT NULL DEFAULT 0,
        points BIGINT NOT NULL DEFAULT 0,
        version BIGINT NOT NULL DEFAULT 0,
        created_at DATETIME(3) NOT NULL,
        updated_at DATETIME(3) NOT NULL,
        PRIMARY KEY (user_id),
        CONSTRAINT fk_wallets_user FOREIGN KEY (user_id) REFERENCES users (id),
        CONSTRAINT ck_wallets_balance CHECK (balance BETWEEN 0 AND 9007199254740991),
        CONSTRAINT ck_wallets_points CHECK (points BETWEEN 0 AND 9007199254740991),
        CONSTRAINT ck_wallets_version CHECK (version >= 0)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await db.query(`
      CREATE TABLE wallet_transactions (
        id CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        user_id CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        type VARCHAR(20) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        amount BIGINT NOT NULL,
        balance_after BIGINT NOT NULL,
        points_after BIGINT NOT NULL,
        order_id CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NULL,
        created_at DATETIME(3) NOT NULL,
        PRIMARY KEY (id),
        KEY ix_wallet_transactions_user (user_id, id),
        UNIQUE KEY uq_wallet_transactions_order_type (order_id, type),
        CONSTRAINT fk_wallet_transactions_wallet FOREIGN KEY (user_id) REFERENCES wallets (user_id),
        CONSTRAINT ck_wallet_transactions_type CHECK (type IN ('CHARGE', 'PAYMENT', 'REFUND', 'POINTS_EARNED', 'POINTS_USED', 'POINTS_RESTORED', 'POINTS_REVOKED')),
        CONSTRAINT ck_wallet_transactions_amount CHECK (amount > 0),
        CONSTRAINT ck_wallet_transactions_after CHECK (balance_after >= 0 AND points_after >= 0),
        CONSTRAINT ck_wallet_transactions_order CHECK ((type = 'CHARGE') = (order_id IS NULL))
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE wallet_transactions');
    await db.query('DROP TABLE wallets');
  }
}
