import { Injectable } from '@nestjs/common';
import { FieldCipher } from '../../../../platform/crypto/field-cipher';
import { MemberKeyVault } from '../../../../platform/crypto/member-key-vault';
import { isDuplicateKeyError } from '../../../../platform/database/mysql-errors';
import { TransactionContext } from '../../../../platform/database/transaction-context';
import { ReviewRepository } from '../../application/ports/review.repository.port';
import { Review } from '../../domain/review.aggregate';
import { ReviewExistsError } from '../../domain/review-exists.error';
import { authorNameRef, ReviewRow, toReview } from './review.rows';

/** Reviews on the primary; the masked author name is sealed with the author's member key. */
@Injectable()
export class TypeOrmReviewRepository extends ReviewRepository {
  private readonly selectForUpdate: string;

  constructor(
    private readonly transaction: TransactionContext,
    private readonly vault: MemberKeyVault,
    private readonly cipher: FieldCipher,
  ) {
    super();
    // Locks only the review row (the key row is read, not locked: no FOR UPDATE OF in MariaDB).
    this.selectForUpdate = `SELECT r.*, (SELECT k.secret FROM ${vault.keysTable} k WHERE k.user_id = r.user_id) AS secret
                              FROM reviews r WHERE r.id = ? FOR UPDATE`;
  }

  async add(review: Review): Promise<void> {
    const secret = await this.vault.ensure(review.userId, review.createdAt);
    // Only an erased member has no secret, and an erased member cannot log in to review.
    if (!secret) throw new Error(`no member key for user ${review.userId}`);
    try {
      await this.transaction.manager().query(
        `INSERT INTO reviews (id, product_id, order_id, user_id, status, rating, text, author_name, helpful_count, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)`,
        [
          review.id,
          review.productId,
          review.orderId,
          review.userId,
          review.status,
          review.rating,
          review.text,
          this.cipher.seal(secret, review.authorName ?? '', authorNameRef(review.id)),
          review.createdAt,
          review.updatedAt,
        ],
      );
    } catch (error) {
      // The id is a fresh UUIDv7: the only key a second insert can hit is the order line's.
      if (isDuplicateKeyError(error)) throw new ReviewExistsError(review.orderId, review.productId);
      throw error;
    }
  }

  async findForUpdate(id: string): Promise<Review | null> {
    const [row] = (await this.transaction
      .manager()
      .query(this.selectForUpdate, [id])) as ReviewRow[];
    return row ? toReview(this.cipher, row) : null;
  }

  async save(review: Review): Promise<void> {
    await this.transaction
      .manager()
      .query(
        'UPDATE reviews SET status = ?, rating = ?, text = ?, helpful_count = ?, updated_at = ?, hidden_at = ?, deleted_at = ? WHERE id = ?',
        [
          review.status,
          review.rating,
          review.text,
          review.helpfulCount,
          review.updatedAt,
          review.hiddenAt,
          review.deletedAt,
          review.id,
        ],
      );
  }

  async addHelpfulVote(reviewId: string, userId: string, at: Date): Promise<boolean> {
    const result = (await this.transaction
      .manager()
      .query(
        'INSERT IGNORE INTO review_helpful_votes (review_id, user_id, created_at) VALUES (?, ?, ?)',
        [reviewId, userId, at],
      )) as { affectedRows: number };
    return result.affectedRows === 1;
  }
}
