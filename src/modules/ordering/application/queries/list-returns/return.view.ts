import { ReturnStatus } from '../../../domain/return-status';

export interface ReturnView {
  readonly id: string;
  readonly orderId: string;
  readonly status: ReturnStatus;
  readonly items: ReadonlyArray<{ readonly productId: string; readonly quantity: number }>;
  readonly reason: string;
  /** REQUESTED: the refund if approved next; APPROVED: what the wallet received; REJECTED: 0. */
  readonly refundAmount: number;
  readonly pointsRestored: number;
  readonly pointsRevoked: number;
  readonly createdAt: string;
  readonly approvedAt?: string;
}
