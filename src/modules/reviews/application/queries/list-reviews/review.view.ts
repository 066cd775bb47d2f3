/** A review as clients see it. */
export interface ReviewView {
  readonly id: string;
  readonly productId: string;
  readonly rating: number;
  /** As the author wrote it (JSON escapes it; nothing is rendered). */
  readonly text: string;
  /** Masked ("J**"), or "Erased member". */
  readonly authorName: string;
  readonly helpfulCount: number;
  readonly createdAt: string;
  readonly updatedAt: string;
}
