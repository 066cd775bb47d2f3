/** Input limits of reviews (CONTRACT.md "After the order"). */
export const ReviewLimits = {
  rating: { min: 1, max: 5 },
  /** In UTF-16 code units, as class-validator counts; the column holds as many characters. */
  textLength: { min: 1, max: 2000 },
} as const;
