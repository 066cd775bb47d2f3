import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Carts: one row per user in `carts` (the per-user lock that cart changes and
 * checkout take first, so the 50-line limit holds under concurrent requests
 * and checkout sees a stable cart) and one row per product in `cart_items`.
 * Prices are not stored: the cart shows the catalog's current price.
 * Limits match src/modules/cart/domain/cart-limits.ts.
 */
export class Cart1732300000007 implements MigrationInterface {
  name = 'Cart1732300000007';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE carts (
        user_id CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        created_at DATETIME(3) NOT NULL,
        updated_at DATETIME(3) NOT NULL,
        PRIMARY KEY (user_id),
        CONSTRAINT fk_carts_user FOREIGN KEY (user_id) REFERENCES users (id)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await db.query(`
      CREATE TABLE cart_items (
        user_id CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        product_id CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        quantity INT NOT NULL,
        added_at DATETIME(3) NOT NULL,
        updated_at DATETIME(3) NOT NULL,
        PRIMARY KEY (user_id, product_id),
        KEY ix_cart_items_product (product_id),
        CONSTRAINT fk_cart_items_user FOREIGN KEY (user_id) REFERENCES users (id),
        CONSTRAINT fk_cart_items_product FOREIGN KEY (product_id) REFERENCES products (id),
        CONSTRAINT ck_cart_items_quantity CHECK (quantity BETWEEN 1 AND 100)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE cart_items');
    await db.query('DROP TABLE carts');
  }
}
