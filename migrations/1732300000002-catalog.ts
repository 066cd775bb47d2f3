import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Categories, products and the stock adjustment journal.
 *
 * The product indexes serve the list queries of TypeOrmCatalogReadModel: each
 * sort (newest = id DESC, price = (price, id)) with and without a category
 * reads an index in order, so a page never needs a filesort or a full scan.
 * Limits match src/modules/catalog/domain/catalog-limits.ts.
 */
export class Catalog1732300000002 implements MigrationInterface {
  name = 'Catalog1732300000002';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE categories (
        id CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        name VARCHAR(50) NOT NULL,
        created_at DATETIME(3) NOT NULL,
        PRIMARY KEY (id),
        UNIQUE KEY uq_categories_name (name),
        CONSTRAINT ck_categories_name CHECK (CHAR_LENGTH(name) BETWEEN 1 AND 50)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await db.query(`
      CREATE TABLE products (
        id CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        name VARCHAR(200) NOT NULL,
        description TEXT NOT NULL,
        price INT NOT NULL,
        stock INT NOT NULL,
        category_id CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        status VARCHAR(16) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        created_at DATETIME(3) NOT NULL,
        updated_at DATETIME(3) NOT NULL,
        PRIMARY KEY (id),
        KEY ix_products_status_id (status, id),
        KEY ix_products_status_price (status, price, id),
        KEY ix_products_category_status_id (category_id, status, id),
        KEY ix_products_category_status_price (category_id, status, price, id),
        CONSTRAINT fk_products_category FOREIGN KEY (category_id) REFERENCES categories (id),
        CONSTRAINT ck_products_price CHECK (price BETWEEN 0 AND 100000000),
        CONSTRAINT ck_products_stock CHECK (stock BETWEEN 0 AND 1000000),
        CONSTRAINT ck_products_status CHECK (status IN ('ACTIVE', 'HIDDEN')),
        CONSTRAINT ck_products_name CHECK (CHAR_LENGTH(name) BETWEEN 1 AND 200)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await db.query(`
      CREATE TABLE product_stock_adjustments (
        id CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        product_id CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        delta INT NOT NULL,
        reason VARCHAR(200) NOT NULL,
        stock_after INT NOT NULL,
        created_at DATETIME(3) NOT NULL,
        PRIMARY KEY (id),
        KEY ix_product_stock_adjustments_product (product_id, created_at),
        CONSTRAINT fk_product_stock_adjustments_product FOREIGN KEY (product_id) REFERENCES products (id),
        CONSTRAINT ck_product_stock_adjustments_delta CHECK (delta <> 0),
        CONSTRAINT ck_product_stock_adjustments_after CHECK (stock_after >= 0)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE product_stock_adjustments');
    await db.query('DROP TABLE products');
    await db.query('DROP TABLE categories');
  }
}
