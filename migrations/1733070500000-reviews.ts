import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Reviews (issue "After the order" item 5, ADR 0055). `reviews` belongs to
 * the reviews context: one row per reviewed order line (unique order and
 * product; a deleted review stays as a tombstone so the line cannot be
 * reviewed again), the author's masked name sealed with the member's key
 * (erasure makes it unreadable), and the helpful count kept with the votes.
 * `product_ratings` belongs to the catalog: the sum and count of the visible
 * ratings of a product, changed by atomic UPDATEs in the review's own
 * transaction; CHECKs keep them consistent whatever a bug does.
 * `order_id`/`user_id` have no foreign keys: other contexts own those tables.
 */
export class Reviews1733070500000 implements MigrationInterface {
  name = 'Reviews1733070500000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE reviews (
        id CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        product_id CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        order_id CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        user_id CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        status VARCHAR(16) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        rating TINYINT NOT NULL,
        text VARCHAR(2000) NOT NULL,
        author_name VARCHAR(255) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        helpful_count INT NOT NULL DEFAULT 0,
        created_at DATETIME(3) NOT NULL,
        updated_at DATETIME(3) NOT NULL,
        hidden_at DATETIME(3) NULL,
        deleted_at DATETIME(3) NULL,
        PRIMARY KEY (id),
        UNIQUE KEY uq_reviews_order_line (order_id, product_id),
        KEY ix_reviews_product_newest (product_id, status, id),
        KEY ix_reviews_product_helpful (product_id, status, helpful_count, id),
        KEY ix_reviews_user (user_id, id),
        CONSTRAINT fk_reviews_product FOREIGN KEY (product_id) REFERENCES products (id),
        CONSTRAINT ck_reviews_status CHECK (status IN ('VISIBLE', 'HIDDEN', 'DELETED')),
        CONSTRAINT ck_reviews_rating CHECK (rating BETWEEN 1 AND 5),
        CONSTRAINT ck_reviews_helpful CHECK (helpful_count >= 0),
        CONSTRAINT ck_reviews_hidden CHECK ((status = 'HIDDEN') = (hidden_at IS NOT NULL) OR status = 'DELETED'),
        CONSTRAINT ck_reviews_deleted CHECK ((status = 'DELETED') = (deleted_at IS NOT NULL))
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await db.query(`
      CREATE TABLE review_helpful_votes (
        review_id CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        user_id CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        created_at DATETIME(3) NOT NULL,
        PRIMARY KEY (review_id, user_id),
        CONSTRAINT fk_review_votes_review FOREIGN KEY (review_id) REFERENCES reviews (id)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await db.query(`
      CREATE TABLE product_ratings (
        product_id CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        rating_sum BIGINT NOT NULL DEFAULT 0,
        rating_count INT NOT NULL DEFAULT 0,
        PRIMARY KEY (product_id),
        CONSTRAINT fk_product_ratings_product FOREIGN KEY (product_id) REFERENCES products (id),
        CONSTRAINT ck_product_ratings_range CHECK (rating_count >= 0 AND rating_sum BETWEEN rating_count AND 5 * rating_count)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await db.query('INSERT INTO product_ratings (product_id) SELECT id FROM products');
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE product_ratings');
    await db.query('DROP TABLE review_helpful_votes');
    await db.query('DROP TABLE reviews');
  }
}
