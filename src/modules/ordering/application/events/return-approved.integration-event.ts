import { DomainEvent } from '../../../../shared/kernel/domain-event';

export interface ReturnApprovedPayload {
  readonly returnId: string;
  readonly orderId: string;
  readonly userId: string;
  /** What came back (quantities at the order's unit prices). */
  readonly lines: ReadonlyArray<{ readonly productId: string; readonly quantity: number }>;
  /** Money put back in the wallet by this approval. */
  readonly refundAmount: number;
  readonly pointsRestored: number;
  readonly pointsRevoked: number;
  /** When the order was placed: its sales leave the ranking of that day. */
  readonly placedAt: string;
  readonly approvedAt: string;
}

/**
 * A return was approved on receipt: refunded, restocked, points settled.
 * The sales ranking subtracts the quantities; the customer gets an e-mail.
 *
 * Published contract (docs/adr/0029): changing the payload incompatibly
 * means a new TYPE version, not an edit.
 */
export class ReturnApproved extends DomainEvent<ReturnApprovedPayload> {
  static readonly TYPE = 'ordering.return-approved.v1';
  readonly type = ReturnApproved.TYPE;
  readonly aggregateType = 'order-return';

  constructor(payload: ReturnApprovedPayload, occurredAt: Date) {
    super(payload.returnId, payload, occurredAt);
  }
}
