/**
 * A return is REQUESTED by the customer, then either APPROVED by the warehouse
 * on receipt or REJECTED (the parcel never came; its units are released).
 * Both outcomes are final (ADR 0080).
 */
export const RETURN_STATUSES = ['REQUESTED', 'APPROVED', 'REJECTED'] as const;

export type ReturnStatus = (typeof RETURN_STATUSES)[number];
