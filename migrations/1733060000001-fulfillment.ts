import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Fulfillment (issue "After the order" items 2-3): the warehouse's shipments,
 * one per order (unique order id: the worker creates it idempotently), and
 * the order's own state machine PAID → SHIPPED → DELIVERED with the parcel it
 * left with. `shipments.order_id` has no foreign key: the ordering context
 * owns that table (like `orders.user_coupon_id`).
 */
export class Fulfillment1733060000001 implements MigrationInterface {
  name = 'Fulfillment1733060000001';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE shipments (
        id CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        order_id CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        user_id CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        status VARCHAR(16) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        carrier VARCHAR(50) NULL,
        tracking_number VARCHAR(64) NULL,
        created_at DATETIME(3) NOT NULL,
        shipped_at DATETIME(3) NULL,
        delivered_at DATETIME(3) NULL,
        cancelled_at DATETIME(3) NULL,
        PRIMARY KEY (id),
        UNIQUE KEY uq_shipments_order (order_id),
        KEY ix_shipments_status (status, id),
        CONSTRAINT ck_shipments_status CHECK (status IN ('READY', 'SHIPPED', 'DELIVERED', 'CANCELLED')),
        CONSTRAINT ck_shipments_parcel CHECK ((status IN ('SHIPPED', 'DELIVERED')) = (shipped_at IS NOT NULL AND carrier IS NOT NULL AND tracking_number IS NOT NULL)),
        CONSTRAINT ck_shipments_delivered CHECK ((status = 'DELIVERED') = (delivered_at IS NOT NULL)),
        CONSTRAINT ck_shipments_cancelled CHECK ((status = 'CANCELLED') = (cancelled_at IS NOT NULL))
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await db.query(`
      ALTER TABLE orders
        ADD COLUMN carrier VARCHAR(50) NULL,
        ADD COLUMN tracking_number VARCHAR(64) NULL,
        ADD COLUMN shipped_at DATETIME(3) NULL,
        ADD COLUMN delivered_at DATETIME(3) NULL,
        DROP CONSTRAINT ck_orders_status,
        ADD CONSTRAINT ck_orders_status CHECK (status IN ('PAID', 'SHIPPED', 'DELIVERED', 'CANCELLED', 'RETURN_REQUESTED', 'RETURNED', 'PARTIALLY_RETURNED')),
        ADD CONSTRAINT ck_orders_shipped CHECK ((status IN ('PAID', 'CANCELLED')) = (shipped_at IS NULL)),
        ADD CONSTRAINT ck_orders_delivered CHECK (delivered_at IS NULL OR shipped_at IS NOT NULL)`);
  }

  async down(db: QueryRunner): Promise<void> {
    // The previous release knows only PAID and CANCELLED: a revert after
    // parcels moved returns SHIPPED and DELIVERED orders to PAID (their history
    // goes with the shipments table); otherwise the old CHECK refuses the rows.
    await db.query(`
      ALTER TABLE orders
        DROP CONSTRAINT ck_orders_delivered,
        DROP CONSTRAINT ck_orders_shipped,
        DROP CONSTRAINT ck_orders_status`);
    await db.query(`UPDATE orders SET status = 'PAID' WHERE status IN ('SHIPPED', 'DELIVERED')`);
    await db.query(`
      ALTER TABLE orders
        ADD CONSTRAINT ck_orders_status CHECK (status IN ('PAID', 'CANCELLED')),
        DROP COLUMN delivered_at,
        DROP COLUMN shipped_at,
        DROP COLUMN tracking_number,
        DROP COLUMN carrier`);
    await db.query('DROP TABLE shipments');
  }
}
