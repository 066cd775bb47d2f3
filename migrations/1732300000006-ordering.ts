import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Orders and their lines. Amount rules are CHECK constraints, so no bug can
 * store an order whose money does not add up. `user_coupon_id` has no foreign
 * key: the coupons context owns that table and may move to its own schema.
 */
export class Ordering1732300000006 implements MigrationInterface {
  name = 'Ordering1732300000006';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE orders (
        id CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        user_id CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        status VARCHAR(16) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        subtotal BIGINT NOT NULL,
        discount BIGINT NOT NULL,
        points_used BIGINT NOT NULL,
        paid_amount BIGINT NOT NULL,
        points_earned BIGINT NOT NULL,
        user_coupon_id CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NULL,
        created_at DATETIME(3) NOT NULL,
        cancelled_at DATETIME(3) NULL,
        PRIMARY KEY (id),
        KEY ix_orders_user_id (user_id, id),
        KEY ix_orders_status_created (status, created_at),
        CONSTRAINT fk_orders_user FOREIGN KEY (user_id) REFERENCES users (id),
        CONSTRAINT ck_orders_status CHECK (status IN ('PAID', 'CANCELLED')),
        CONSTRAINT ck_orders_amounts CHECK (subtotal >= 0 AND discount BETWEEN 0 AND subtotal AND points_used >= 0 AND paid_amount >= 0 AND points_earned >= 0),
        CONSTRAINT ck_orders_paid CHECK (paid_amount = subtotal - discount - points_used),
        CONSTRAINT ck_orders_cancelled CHECK ((status = 'CANCELLED') = (cancelled_at IS NOT NULL))
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await db.query(`
      CREATE TABLE order_lines (
        order_id CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        product_id CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        name VARCHAR(200) NOT NULL,
        unit_price INT NOT NULL,
        quantity INT NOT NULL,
        line_total BIGINT NOT NULL,
        PRIMARY KEY (order_id, product_id),
        KEY ix_order_lines_product (product_id),
        CONSTRAINT fk_order_lines_order FOREIGN KEY (order_id) REFERENCES orders (id),
        CONSTRAINT fk_order_lines_product FOREIGN KEY (product_id) REFERENCES products (id),
        CONSTRAINT ck_order_lines_quantity CHECK (quantity BETWEEN 1 AND 100),
        CONSTRAINT ck_order_lines_total CHECK (unit_price >= 0 AND line_total = unit_price * quantity)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE order_lines');
    await db.query('DROP TABLE orders');
  }
}
