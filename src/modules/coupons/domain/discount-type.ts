/** How a coupon takes money off: a fixed amount of won, or a percentage of the subtotal. */
export const DISCOUNT_TYPES = ['FIXED', 'PERCENT'] as const;

export type DiscountType = (typeof DISCOUNT_TYPES)[number];
