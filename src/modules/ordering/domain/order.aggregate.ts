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
