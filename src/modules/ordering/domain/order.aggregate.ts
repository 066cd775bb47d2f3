import { AggregateRoot } from '../../../shared/kernel/aggregate-root';
import { PostalAddress } from '../../../shared/kernel/postal-address.value-object';
import { Money } from '../../../shared/kernel/money';
import { FieldError, ValidationError } from '../../../shared/kernel/validation.error';
import { OrderCancelled } from '../application/events/order-cancelled.integration-event';
import { OrderNotCancellableError } from './order-not-cancellable.error';
import { OrderNotShippableError } from './order-not-shippable.error';
import { OrderPlaced } from '../application/events/order-placed.integration-event';
import { OrderStatus } from './order-status';
import { OrderingLimits } from './ordering-limits';
import { ReturnLine } from './order-return.aggregate';
import { ReturnNotAllowedError } from './return-not-allowed.error';
import { OrderPayment } from './return-refund';

export interface OrderItem {
  readonly productId: string;
  readonly quantity: number;
}

/** A line with the product's name and price at the time of sale. */
export interface OrderLine {
  readonly productId: string;
  readonly name: string;
  readonly unitPrice: Money;
  readonly quantity: number;
  readonly lineTotal: Money;
  /** Quantity under a return, requested or approved (0 until a return is requested). */
  readonly returnedQuantity: number;
}

/** The parcel an order left with, and when it arrived. */
export interface OrderShipping {
  readonly carrier: string;
  readonly trackingNumber: string;
  readonly shippedAt: Date;
  readonly deliveredAt: Date | null;
}

export interface OrderProps {
  readonly id: string;
  readonly userId: string;
  readonly status: OrderStatus;
  readonly lines: readonly OrderLine[];
  readonly subtotal: Money;
  readonly discount: Money;
  readonly pointsUsed: number;
  readonly paidAmount: Money;
  readonly pointsEarned: number;
  readonly userCouponId: string | null;
  /** The order's own copy of where it goes; null for orders from before addresses, or once the member is erased. */
  readonly shippingAddress: PostalAddress | null;
  readonly createdAt: Date;
  readonly cancelledAt: Date | null;
  /** Set when shipped (SHIPPED, DELIVERED and later). */
  readonly shipping: OrderShipping | null;
}

/**
 * An order, paid when placed. Amounts are Money (won), points are plain
 * integers worth one won each:
 * paidAmount = subtotal - discount - pointsUsed, pointsEarned = floor(1% of paidAmount).
 */
export class Order extends AggregateRoot {
  private constructor(private props: OrderProps) {
    super();
  }

  /** Checks the requested items before any database work: 1..50 distinct products, quantity 1..100 each. */
  static validateItems(items: readonly OrderItem[]): void {
    const errors: FieldError[] = [];
    const { min, max } = OrderingLimits.lines;
    if (items.length < min || items.length > max)
      errors.push({ field: 'items', message: `an order has ${min} to ${max} lines` });
    if (new Set(items.map((item) => item.productId)).size !== items.length) {
      errors.push({ field: 'items', message: 'each product may appear only once' });
    }
    const q = OrderingLimits.quantity;
    items.forEach((item, index) => {
      if (!Number.isInteger(item.quantity) || item.quantity < q.min || item.quantity > q.max) {
        errors.push({
          field: `items.${index}.quantity`,
          message: `quantity must be an integer from ${q.min} to ${q.max}`,
        });
      }
    });
    if (errors.length > 0) throw new ValidationError(errors);
  }

  static subtotalOf(lines: ReadonlyArray<{ unitPrice: Money; quantity: number }>): Money {
    return Money.sum(lines.map((line) => line.unitPrice.times(line.quantity)));
  }

  /**
   * Places an order from priced lines. `pointsToUse` may not exceed what is
   * left to pay after the discount (the wallet checks the points held).
   */
  static place(input: {
    id: string;
    userId: string;
    lines: ReadonlyArray<{ productId: string; name: string; unitPrice: Money; quantity: number }>;
    discount: Money;
    pointsToUse: number;
    userCouponId: string | null;
    shippingAddress: PostalAddress;
    now: Date;
  }): Order {
    Order.validateItems(input.lines);
    const lines = input.lines.map((line) => ({
      ...line,
      lineTotal: line.unitPrice.times(line.quantity),
      returnedQuantity: 0,
    }));
    const subtotal = Order.subtotalOf(lines);
    const discount = input.discount.min(subtotal);
    const due = subtotal.minus(discount);
    if (!Money.isWon(input.pointsToUse, { min: 0, max: due.won })) {
      throw new ValidationError([
        {
          field: 'pointsToUse',
          message: `pointsToUse must be an integer from 0 to ${due.won} (what is left to pay)`,
        },
      ]);
    }
    const paidAmount = due.minus(Money.won(input.pointsToUse));
    const order = new Order({
      id: input.id,
      userId: input.userId,
      status: 'PAID',
      lines,
      subtotal,
      discount,
      pointsUsed: input.pointsToUse,
      paidAmount,
      pointsEarned: paidAmount.percent(OrderingLimits.pointsEarnedPercent).won,
      userCouponId: input.userCouponId,
      shippingAddress: input.shippingAddress,
      createdAt: input.now,
      cancelledAt: null,
      shipping: null,
    });
    order.record(
      new OrderPlaced(
        {
          orderId: order.id,
          userId: order.userId,
          lines: lines.map((line) => ({
            productId: line.productId,
            name: line.name,
            quantity: line.quantity,
            lineTotal: line.lineTotal.won,
          })),
          paidAmount: paidAmount.won,
          placedAt: input.now.toISOString(),
        },
        input.now,
      ),
    );
    return order;
  }

  static rehydrate(props: OrderProps): Order {
    return new Order(props);
  }

  /** PAID → CANCELLED; anything else is ORDER_NOT_CANCELLABLE. */
  cancel(now: Date): void {
    if (this.props.status !== 'PAID')
      throw new OrderNotCancellableError(this.id, this.props.status);
    this.props = { ...this.props, status: 'CANCELLED', cancelledAt: now };
    this.record(
      new OrderCancelled(
        {
          orderId: this.id,
          userId: this.userId,
          lines: this.props.lines.map((line) => ({
            productId: line.productId,
            quantity: line.quantity,
          })),
          refundedAmount: this.props.paidAmount.won,
          placedAt: this.props.createdAt.toISOString(),
          cancelledAt: now.toISOString(),
        },
        now,
      ),
    );
  }

  /** PAID → SHIPPED with the parcel; from any other state SHIPMENT_NOT_SHIPPABLE (a cancelled order never ships). */
  ship(parcel: { carrier: string; trackingNumber: string }, now: Date): void {
    if (this.props.status !== 'PAID')
      throw new OrderNotShippableError(this.id, this.props.status, 'shipped');
    this.props = {
      ...this.props,
      status: 'SHIPPED',
      shipping: { ...parcel, shippedAt: now, deliveredAt: null },
    };
  }

  /** SHIPPED → DELIVERED; from any other state SHIPMENT_NOT_SHIPPABLE. */
  deliver(now: Date): void {
    if (this.props.status !== 'SHIPPED' || !this.props.shipping)
      throw new OrderNotShippableError(this.id, this.props.status, 'delivered');
    this.props = {
      ...this.props,
      status: 'DELIVERED',
      shipping: { ...this.props.shipping, deliveredAt: now },
    };
  }

  /**
   * Reserves `items` for a return: only a delivered order (or one with
   * returns already) within `windowDays` days of delivery, and at most what
   * is not yet under a return; RETURN_NOT_ALLOWED otherwise. The order
   * becomes RETURN_REQUESTED. Returns the lines with their order unit prices.
   */
  requestReturn(items: readonly OrderItem[], now: Date, windowDays: number): ReturnLine[] {
    Order.validateItems(items);
    const returnable: OrderStatus[] = ['DELIVERED', 'RETURN_REQUESTED', 'PARTIALLY_RETURNED'];
    const deliveredAt = this.props.shipping?.deliveredAt;
    if (!returnable.includes(this.props.status) || !deliveredAt)
      throw new ReturnNotAllowedError(
        `Order ${this.id} is ${this.props.status}: only delivered orders can be returned`,
      );
    if (now.getTime() > deliveredAt.getTime() + windowDays * 86_400_000)
      throw new ReturnNotAllowedError(
        `The ${windowDays}-day return window of order ${this.id} is over`,
      );
    const reserved = new Map(items.map((item) => [item.productId, item.quantity]));
    const returned = items.map((item) => {
      const line = this.props.lines.find((candidate) => candidate.productId === item.productId);
      if (!line)
        throw new ReturnNotAllowedError(`Order ${this.id} has no product ${item.productId}`);
      const left = line.quantity - line.returnedQuantity;
      if (item.quantity > left)
        throw new ReturnNotAllowedError(
          `Only ${left} of product ${item.productId} can still be returned`,
        );
      return { productId: line.productId, quantity: item.quantity, unitPrice: line.unitPrice };
    });
    this.props = {
      ...this.props,
      status: 'RETURN_REQUESTED',
      lines: this.props.lines.map((line) => ({
        ...line,
        returnedQuantity: line.returnedQuantity + (reserved.get(line.productId) ?? 0),
      })),
    };
    return returned;
  }

  /**
   * After an approval: RETURNED when every unit is back (`approved` holds the
   * approved quantity per product), else RETURN_REQUESTED while other returns
   * wait, else PARTIALLY_RETURNED.
   */
  settleReturn(approved: ReadonlyMap<string, number>, otherReturnsPending: boolean): void {
    if (this.props.status !== 'RETURN_REQUESTED')
      throw new Error(`order ${this.id} is ${this.props.status}: no return to settle`);
    const everything = this.props.lines.every(
      (line) => (approved.get(line.productId) ?? 0) >= line.quantity,
    );
    this.props = {
      ...this.props,
      status: everything
        ? 'RETURNED'
        : otherReturnsPending
          ? 'RETURN_REQUESTED'
          : 'PARTIALLY_RETURNED',
    };
  }

  /**
   * After a rejection: the return's units are no longer under a return (the
   * customer may request them again within the window). The order stays
   * RETURN_REQUESTED while other returns wait, else PARTIALLY_RETURNED when
   * some return was approved, else DELIVERED again (ADR 0080).
   */
  releaseReturn(
    lines: readonly { productId: string; quantity: number }[],
    state: { anyApproved: boolean; otherReturnsPending: boolean },
  ): void {
    if (this.props.status !== 'RETURN_REQUESTED')
      throw new Error(`order ${this.id} is ${this.props.status}: no return to release`);
    const released = new Map(lines.map((line) => [line.productId, line.quantity]));
    this.props = {
      ...this.props,
      status: state.otherReturnsPending
        ? 'RETURN_REQUESTED'
        : state.anyApproved
          ? 'PARTIALLY_RETURNED'
          : 'DELIVERED',
      lines: this.props.lines.map((line) => ({
        ...line,
        returnedQuantity: Math.max(0, line.returnedQuantity - (released.get(line.productId) ?? 0)),
      })),
    };
  }

  /** What was paid and earned: the base of the return refund rule. */
  get payment(): OrderPayment {
    const { subtotal, paidAmount, pointsUsed, pointsEarned } = this.props;
    return { subtotal, paidAmount, pointsUsed, pointsEarned };
  }

  get shipping(): OrderShipping | null {
    return this.props.shipping;
  }

  get id(): string {
    return this.props.id;
  }

  get userId(): string {
    return this.props.userId;
  }

  get status(): OrderStatus {
    return this.props.status;
  }

  get lines(): readonly OrderLine[] {
    return this.props.lines;
  }

  get subtotal(): Money {
    return this.props.subtotal;
  }

  get discount(): Money {
    return this.props.discount;
  }

  get pointsUsed(): number {
    return this.props.pointsUsed;
  }

  get paidAmount(): Money {
    return this.props.paidAmount;
  }

  get pointsEarned(): number {
    return this.props.pointsEarned;
  }

  get userCouponId(): string | null {
    return this.props.userCouponId;
  }

  get shippingAddress(): PostalAddress | null {
    return this.props.shippingAddress;
  }

  get createdAt(): Date {
    return this.props.createdAt;
  }

  get cancelledAt(): Date | null {
    return this.props.cancelledAt;
  }
}
