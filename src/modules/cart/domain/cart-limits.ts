/** Bounds of a cart, shared by validation, the aggregate and the database CHECK constraint. */
export const CartLimits = {
  /** An order holds at most 50 lines, so a cart does too. */
  maxLines: 50,
  quantity: { min: 1, max: 100 },
} as const;
