import { Injectable } from '@nestjs/common';
import { FieldCipher } from '../../../../platform/crypto/field-cipher';
import { MemberKeyVault } from '../../../../platform/crypto/member-key-vault';
import { ReadDatabase } from '../../../../platform/database/read-database';
import { ReviewReadModel } from '../../application/ports/review.read-model.port';
import { ReviewPosition, ReviewSort } from '../../application/queries/list-reviews/review-sort';
import { ReviewView } from '../../application/queries/list-reviews/review.view';
import { ReviewRow, toReviewRowView } from './review.rows';

/** ORDER BY and keyset predicate per sort; each is one range of its index (see the migration). */
const ORDER: Record<
  ReviewSort,
  { orderBy: string; after: string; params: (p: ReviewPosition) => unknown[] }
> = {
  newest: { orderBy: 'r.id DESC', after: 'r.id < ?', params: (p) => [p.id] },
  helpful: {
    orderBy: 'r.helpful_count DESC, r.id DESC',
    after: '(r.helpful_count < ? OR (r.helpful_count = ? AND r.id < ?))',
    params: (p) => [p.helpful, p.helpful, p.id],
  },
};

/** Visible reviews on a replica, each with its author's key to open the masked name. */
@Injectable()
export class TypeOrmReviewReadModel extends ReviewReadModel {
  constructor(
    private readonly database: ReadDatabase,
    private readonly vault: MemberKeyVault,
    private readonly cipher: FieldCipher,
  ) {
    super();
  }

  async page(
    productId: string,
    sort: ReviewSort,
    limit: number,
    after?: ReviewPosition,
  ): Promise<ReviewView[]> {
    const { sql, params } = TypeOrmReviewReadModel.pageSql(
      this.vault.keysTable,
      productId,
      sort,
      limit,
      after,
    );
    const rows = await this.database.query<ReviewRow>(sql, params);
    return rows.map((row) => toReviewRowView(this.cipher, row));
  }

  /** The page statement (public for the EXPLAIN test). */
  static pageSql(
    keysTable: string,
    productId: string,
    sort: ReviewSort,
    limit: number,
    after?: ReviewPosition,
  ): { sql: string; params: unknown[] } {
    const order = ORDER[sort];
    const where = ['r.product_id = ?', "r.status = 'VISIBLE'"];
    const params: unknown[] = [productId];
    if (after) {
      where.push(order.after);
      params.push(...order.params(after));
    }
    return {
      sql: `SELECT r.id, r.product_id, r.rating, r.text, r.author_name, r.helpful_count, r.created_at, r.updated_at, k.secret
              FROM reviews r LEFT JOIN ${keysTable} k ON k.user_id = r.user_id
             WHERE ${where.join(' AND ')} ORDER BY ${order.orderBy} LIMIT ?`,
      params: [...params, limit],
    };
  }
}
