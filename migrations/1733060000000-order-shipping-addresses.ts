import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each order's own copy of its delivery address (issue "After the order"
 * item 1): sealed per column under the owner's member key (ADR 0032, 0036),
 * so a later change to the address book does not move a placed order and
 * erasing the member makes the copy unreadable with the rest of their data.
 * Orders placed before this migration have no row. No foreign key to
 * `orders`: the copy is written before the order row in the placing
 * transaction (ahead of the hot product locks, docs/ordering.md), and rows
 * are only ever inserted with their order.
 */
export class OrderShippingAddresses1733060000000 implements MigrationInterface {
  name = 'OrderShippingAddresses1733060000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE order_shipping_addresses (
        order_id CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        recipient VARCHAR(400) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        phone VARCHAR(200) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        postal_code VARCHAR(200) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        line1 VARCHAR(700) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        line2 VARCHAR(700) CHARACTER SET ascii COLLATE ascii_bin NULL,
        PRIMARY KEY (order_id)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE order_shipping_addresses');
  }
}
