import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `orders.status` was VARCHAR(16), but the CHECK admits PARTIALLY_RETURNED
 * (18 characters): an approval leaving part of an order failed with
 * ER_DATA_TOO_LONG. VARCHAR(20) fits every state.
 */
export class OrdersStatusWidth1733070600000 implements MigrationInterface {
  name = 'OrdersStatusWidth1733070600000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(
      'ALTER TABLE orders MODIFY status VARCHAR(20) CHARACTER SET ascii COLLATE ascii_bin NOT NULL',
    );
  }

  async down(db: QueryRunner): Promise<void> {
    // PARTIALLY_RETURNED does not fit the old width: such orders go back to
    // RETURN_REQUESTED (returns in progress), which the release before reads.
    await db.query(
      "UPDATE orders SET status = 'RETURN_REQUESTED' WHERE status = 'PARTIALLY_RETURNED'",
    );
    await db.query(
      'ALTER TABLE orders MODIFY status VARCHAR(16) CHARACTER SET ascii COLLATE ascii_bin NOT NULL',
    );
  }
}
