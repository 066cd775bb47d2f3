/** VISIBLE counts in the rating and the lists; HIDDEN by an admin; DELETED by its author (a tombstone that keeps the order line used). */
export const REVIEW_STATUSES = ['VISIBLE', 'HIDDEN', 'DELETED'] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];
