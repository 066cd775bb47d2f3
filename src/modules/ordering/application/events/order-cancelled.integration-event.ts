import { DomainEvent } from '../../../../shared/kernel/domain-event';

export interface OrderCancelledPayload {
  readonly orderId: string;
  readonly userId: string;
  readonly lines: ReadonlyArray<{ readonly productId: string; readonly quantity: number }>;
  readonly refundedAmount: number;
  /** When the order was placed: its sales leave the ranking of that day. */
  readonly placedAt: string;
  readonly cancelledAt: string;
}

/**
 * A paid order was cancelled and refunded.
 *
 * Published contract (docs/adr/0029): recorded by the aggregate, written to
 * the outbox, consumed by other contexts through this file. Changing the
 * payload incompatibly means a new TYPE version, not an edit.
 */
export class OrderCancelled extends DomainEvent<OrderCancelledPayload> {
  static readonly TYPE = 'ordering.order-cancelled.v1';
  readonly type = OrderCancelled.TYPE;
  readonly aggregateType = 'order';

  constructor(payload: OrderCancelledPayload, occurredAt: Date) {
    super(payload.orderId, payload, occurredAt);
  }
}
