/** Life cycle of a coupon a user holds. */
export const USER_COUPON_STATUSES = ['AVAILABLE', 'USED', 'EXPIRED'] as const;

export type UserCouponStatus = (typeof USER_COUPON_STATUSES)[number];

/**
 * The status a reader should see at `at`: an AVAILABLE coupon whose window
 * ended is EXPIRED even before the expiry sweep has written it.
 */
export function effectiveStatus(
  stored: UserCouponStatus,
  validUntil: Date,
  at: Date,
): UserCouponStatus {
  return stored === 'AVAILABLE' && at.getTime() >= validUntil.getTime() ? 'EXPIRED' : stored;
}
