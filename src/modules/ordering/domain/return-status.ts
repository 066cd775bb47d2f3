/** A return is REQUESTED by the customer, then APPROVED by the warehouse on receipt (final). */
export const RETURN_STATUSES = ['REQUESTED', 'APPROVED'] as const;

export type ReturnStatus = (typeof RETURN_STATUSES)[number];
