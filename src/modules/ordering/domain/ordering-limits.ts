/** Bounds of an order, shared by validation and the database CHECK constraints. */
export const OrderingLimits = {
  lines: { min: 1, max: 50 },
  quantity: { min: 1, max: 100 },
  /** pointsEarned = floor(paidAmount * percent / 100). */
  pointsEarnedPercent: 1,
} as const;
