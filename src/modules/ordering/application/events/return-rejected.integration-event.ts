import { DomainEvent } from '../../../../shared/kernel/domain-event';

export interface ReturnRejectedPayload {
  readonly returnId: string;
  readonly orderId: string;
  readonly userId: string;
  /** The units released: the customer may request them again within the window. */
  readonly lines: ReadonlyArray<{ readonly productId: string; readonly quantity: number }>;
  readonly rejectedAt: string;
}

/**
 * A requested return was rejected (the parcel never arrived): nothing was
 * refunded and its units were released. The customer gets an e-mail; the
 * sales ranking is not touched (ADR 0080).
 *
 * Published contract (docs/adr/0029): changing the payload incompatibly
 * means a new TYPE version, not an edit.
 */
export class ReturnRejected extends DomainEvent<ReturnRejectedPayload> {
  static readonly TYPE = 'ordering.return-rejected.v1';
  readonly type = ReturnRejected.TYPE;
  readonly aggregateType = 'order-return';

  constructor(payload: ReturnRejectedPayload, occurredAt: Date) {
    super(payload.returnId, payload, occurredAt);
  }
}
