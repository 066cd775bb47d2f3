import { MigrationInterface, QueryRunner } from 'typeorm';

/** Coupon issues and the coupons users hold (first-come-first-served issuing, expiry sweep). */
export class Coupons1732300000005 implements MigrationInterface {
  name = 'Coupons1732300000005';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE coupons (
        id CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        name VARCHAR(100) NOT NULL,
        discount_type VARCHAR(16) NOT NULL,
        discount_value INT NOT NULL,
        max_discount INT NULL,
        min_order_amount INT NOT NULL,
        total_quantity INT NOT NULL,
        issued_quantity INT NOT NULL DEFAULT 0,
        valid_from DATETIME(3) NOT NULL,
        valid_until DATETIME(3) NOT NULL,
        created_at DATETIME(3) NOT NULL,
        PRIMARY KEY (id),
        CONSTRAINT ck_coupons_name CHECK (CHAR_LENGTH(name) BETWEEN 1 AND 100),
        CONSTRAINT ck_coupons_discount_type CHECK (discount_type IN ('FIXED', 'PERCENT')),
        CONSTRAINT ck_coupons_discount_value CHECK (discount_value >= 1 AND (discount_type <> 'PERCENT' OR discount_value <= 100)),
        CONSTRAINT ck_coupons_max_discount CHECK (max_discount IS NULL OR (max_discount >= 1 AND discount_type = 'PERCENT')),
        CONSTRAINT ck_coupons_min_order_amount CHECK (min_order_amount >= 0),
        CONSTRAINT ck_coupons_total_quantity CHECK (total_quantity >= 1),
        CONSTRAINT ck_coupons_issued_quantity CHECK (issued_quantity BETWEEN 0 AND total_quantity),
        CONSTRAINT ck_coupons_validity CHECK (valid_from < valid_until)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await db.query(`
      CREATE TABLE user_coupons (
        id CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        coupon_id CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        user_id CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        status VARCHAR(16) NOT NULL,
        valid_until DATETIME(3) NOT NULL,
        issued_at DATETIME(3) NOT NULL,
        used_at DATETIME(3) NULL,
        order_id CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NULL,
        PRIMARY KEY (id),
        UNIQUE KEY uq_user_coupons_coupon_user (coupon_id, user_id),
        KEY ix_user_coupons_user (user_id, id),
        KEY ix_user_coupons_expiry (status, valid_until),
        CONSTRAINT fk_user_coupons_coupon FOREIGN KEY (coupon_id) REFERENCES coupons (id),
        CONSTRAINT fk_user_coupons_user FOREIGN KEY (user_id) REFERENCES users (id),
        CONSTRAINT ck_user_coupons_status CHECK (status IN ('AVAILABLE', 'USED', 'EXPIRED')),
        CONSTRAINT ck_user_coupons_use CHECK (
          (status = 'USED' AND used_at IS NOT NULL AND order_id IS NOT NULL)
          OR (status <> 'USED' AND used_at IS NULL AND order_id IS NULL))
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE user_coupons');
    await db.query('DROP TABLE coupons');
  }
}
