/** newest: by id (time-ordered UUIDv7), newest first; helpful: most helpful votes first, then newest. */
export const REVIEW_SORTS = ['newest', 'helpful'] as const;
export type ReviewSort = (typeof REVIEW_SORTS)[number];

/** Where a page starts: after this review in the sort's order. */
export interface ReviewPosition {
  readonly id: string;
  /** The helpful count of that review (sort `helpful` only). */
  readonly helpful?: number;
}
