import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Returns of delivered orders (issue "After the order" item 4, ADR 0050).
 *
 * - `order_returns` / `order_return_lines`: a return request and what it
 *   takes back; the lines point at the order line they return (composite FK).
 * - `order_lines.returned_quantity`: quantity under a return (requested or
 *   approved). A request raises it with a conditional UPDATE and the CHECK
 *   is the last word: concurrent requests of one line never return more
 *   than was bought.
 * - `wallet_transactions.return_id`: each approved return writes its own
 *   REFUND / POINTS_RESTORED / POINTS_REVOKED rows. The unique key was
 *   (order_id, type): one refund per order. It becomes (order_id, type,
 *   return_key) where the stored generated `return_key` is the return id or
 *   '' (NULLs would not collide in a unique key, and a cancellation's single
 *   REFUND must stay single). VARCHAR, not CHAR: MariaDB refuses generated
 *   columns over CHAR (their value would depend on PAD_CHAR_TO_FULL_LENGTH).
 */
export class OrderReturns1733070000000 implements MigrationInterface {
  name = 'OrderReturns1733070000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE order_returns (
        id CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        order_id CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        user_id CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        status VARCHAR(16) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        reason VARCHAR(500) NOT NULL,
        returned_value BIGINT NOT NULL,
        refund_amount BIGINT NOT NULL,
        points_restored BIGINT NOT NULL DEFAULT 0,
        points_revoked BIGINT NOT NULL DEFAULT 0,
        points_shortfall BIGINT NOT NULL DEFAULT 0,
        created_at DATETIME(3) NOT NULL,
        approved_at DATETIME(3) NULL,
        PRIMARY KEY (id),
        KEY ix_order_returns_order (order_id, id),
        KEY ix_order_returns_status (status, id),
        CONSTRAINT fk_order_returns_order FOREIGN KEY (order_id) REFERENCES orders (id),
        CONSTRAINT ck_order_returns_status CHECK (status IN ('REQUESTED', 'APPROVED')),
        CONSTRAINT ck_order_returns_approved CHECK ((status = 'APPROVED') = (approved_at IS NOT NULL)),
        CONSTRAINT ck_order_returns_amounts CHECK (returned_value >= 0 AND refund_amount >= 0 AND points_restored >= 0 AND points_revoked >= 0 AND points_shortfall >= 0)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await db.query(`
      CREATE TABLE order_return_lines (
        return_id CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        order_id CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        product_id CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        quantity INT NOT NULL,
        PRIMARY KEY (return_id, product_id),
        KEY ix_order_return_lines_line (order_id, product_id),
        CONSTRAINT fk_order_return_lines_return FOREIGN KEY (return_id) REFERENCES order_returns (id),
        CONSTRAINT fk_order_return_lines_line FOREIGN KEY (order_id, product_id) REFERENCES order_lines (order_id, product_id),
        CONSTRAINT ck_order_return_lines_quantity CHECK (quantity BETWEEN 1 AND 100)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await db.query(`
      ALTER TABLE order_lines
        ADD COLUMN returned_quantity INT NOT NULL DEFAULT 0,
        ADD CONSTRAINT ck_order_lines_returned CHECK (returned_quantity BETWEEN 0 AND quantity)`);
    await db.query(`
      ALTER TABLE wallet_transactions
        ADD COLUMN return_id VARCHAR(36) CHARACTER SET ascii COLLATE ascii_bin NULL,
        ADD COLUMN return_key VARCHAR(36) CHARACTER SET ascii COLLATE ascii_bin AS (COALESCE(return_id, '')) STORED,
        ADD UNIQUE KEY uq_wallet_transactions_order_type_return (order_id, type, return_key),
        DROP INDEX uq_wallet_transactions_order_type,
        ADD CONSTRAINT ck_wallet_transactions_return CHECK (return_id IS NULL OR type IN ('REFUND', 'POINTS_RESTORED', 'POINTS_REVOKED'))`);
  }

  async down(db: QueryRunner): Promise<void> {
    // The previous release allows one row per (order, type). A revert after
    // returns were approved folds each order's return rows of one type into
    // its newest row (amounts summed): balances and the ledger sums stay
    // true, the per-return detail goes with the order_returns table.
    await db.query(`
      UPDATE wallet_transactions t
        JOIN (SELECT order_id, type, MAX(id) AS keep_id, SUM(amount) AS total
                FROM wallet_transactions WHERE return_id IS NOT NULL
               GROUP BY order_id, type) m ON t.id = m.keep_id
         SET t.amount = m.total`);
    await db.query(`
      DELETE t FROM wallet_transactions t
        JOIN (SELECT order_id, type, MAX(id) AS keep_id
                FROM wallet_transactions WHERE return_id IS NOT NULL
               GROUP BY order_id, type) m
          ON t.order_id = m.order_id AND t.type = m.type AND t.id <> m.keep_id
       WHERE t.return_id IS NOT NULL`);
    await db.query(`
      ALTER TABLE wallet_transactions
        DROP CONSTRAINT ck_wallet_transactions_return,
        ADD UNIQUE KEY uq_wallet_transactions_order_type (order_id, type),
        DROP INDEX uq_wallet_transactions_order_type_return,
        DROP COLUMN return_key,
        DROP COLUMN return_id`);
    await db.query(`
      ALTER TABLE order_lines
        DROP CONSTRAINT ck_order_lines_returned,
        DROP COLUMN returned_quantity`);
    await db.query('DROP TABLE order_return_lines');
    await db.query('DROP TABLE order_returns');
  }
}
