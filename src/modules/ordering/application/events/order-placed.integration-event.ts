import { DomainEvent } from '../../../../shared/kernel/domain-event';

export interface OrderPlacedPayload {
  readonly orderId: string;
  readonly userId: string;
  readonly lines: ReadonlyArray<{
    readonly productId: string;
    readonly name: string;
    readonly quantity: number;
    readonly lineTotal: number;
  }>;
  readonly paidAmount: number;
  readonly placedAt: string;
}

/**
 * An order was placed and paid; sales ranking and the confirmation e-mail follow from it.
 *
 * Published contract (docs/adr/0029): recorded by the aggregate, written to
 * the outbox, consumed by other contexts through this file. Changing the
 * payload incompatibly means a new TYPE version, not an edit.
 */
export class OrderPlaced extends DomainEvent<OrderPlacedPayload> {
  static readonly TYPE = 'ordering.order-placed.v1';
  readonly type = OrderPlaced.TYPE;
  readonly aggregateType = 'order';

  constructor(payload: OrderPlacedPayload, occurredAt: Date) {
    super(payload.orderId, payload, occurredAt);
  }
}
