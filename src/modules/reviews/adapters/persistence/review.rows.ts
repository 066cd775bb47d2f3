import { FieldCipher } from '../../../../platform/crypto/field-cipher';
import { FieldRef } from '../../../../platform/crypto/field-ref';
import { SealedTable } from '../../../../platform/crypto/sealed-table';
import { ERASED_AUTHOR_NAME } from '../../domain/author-name';
import { Review } from '../../domain/review.aggregate';
import { ReviewStatus } from '../../domain/review-status';
import { ReviewView } from '../../application/queries/list-reviews/review.view';

/** A `reviews` row with the author's member secret (null once erased). */
export interface ReviewRow {
  id: string;
  product_id: string;
  order_id: string;
  user_id: string;
  status: ReviewStatus;
  rating: number;
  text: string;
  author_name: string;
  helpful_count: number;
  created_at: Date;
  updated_at: Date;
  hidden_at: Date | null;
  deleted_at: Date | null;
  secret: Buffer | null;
}

/** The sealed column of reviews, for the data-key rotation (ADR 0045). */
export const REVIEW_SEALED_TABLE: SealedTable = {
  table: 'reviews',
  idColumn: 'id',
  columns: ['author_name'],
  ownerColumn: 't.user_id',
};

/** Where the masked author name is sealed: a copy moved to another review does not open. */
export const authorNameRef = (reviewId: string): FieldRef => ({
  table: REVIEW_SEALED_TABLE.table,
  column: 'author_name',
  rowId: reviewId,
});

/** The masked name, or null when the author's key is gone (erased, ADR 0035). */
export function authorNameOf(cipher: FieldCipher, row: ReviewRow): string | null {
  if (!row.secret) return null;
  return cipher.open(Buffer.from(row.secret), row.author_name, authorNameRef(row.id));
}

export function toReview(cipher: FieldCipher, row: ReviewRow): Review {
  return Review.rehydrate({
    id: row.id,
    productId: row.product_id,
    orderId: row.order_id,
    userId: row.user_id,
    status: row.status,
    rating: Number(row.rating),
    text: row.text,
    authorName: authorNameOf(cipher, row),
    helpfulCount: Number(row.helpful_count),
    createdAt: new Date(row.created_at),
    updatedAt: new Date(row.updated_at),
    hiddenAt: row.hidden_at ? new Date(row.hidden_at) : null,
    deletedAt: row.deleted_at ? new Date(row.deleted_at) : null,
  });
}

export function toReviewRowView(cipher: FieldCipher, row: ReviewRow): ReviewView {
  return {
    id: row.id,
    productId: row.product_id,
    rating: Number(row.rating),
    text: row.text,
    authorName: authorNameOf(cipher, row) ?? ERASED_AUTHOR_NAME,
    helpfulCount: Number(row.helpful_count),
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}
