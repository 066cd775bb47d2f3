import { AggregateRoot } from '../../../shared/kernel/aggregate-root';
import { PostalAddress } from '../../../shared/kernel/postal-address.value-object';
import { FieldError, ValidationError } from '../../../shared/kernel/validation.error';
import { OrderCancelled } from '../application/events/order-cancelled.integration-event';
import { OrderNotCancellableError } from './order-not-cancellable.error';
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
  readonly unitPrice: number;
  readonly quantity: number;
  readonly lineTotal: number;
}

export interface OrderProps {
  readonly id: string;
  readonly userId: string;
  readonly status: OrderStatus;
  readonly lines: readonly OrderLine[];
  readonly subtotal: number;
  readonly discount: number;
  readonly pointsUsed: number;
  readonly paidAmount: number;
  readonly pointsEarned: number;
  readonly userCouponId: string | null;
  /** The order's own copy of where it goes; null for orders from before addresses, or once the member is erased. */
  readonly shippingAddress: PostalAddress | null;
  readonly createdAt: Date;
  readonly cancelledAt: Date | null;
}

/**
 * An order, paid when placed. Amounts in won:
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

  static subtotalOf(lines: ReadonlyArray<{ unitPrice: number; quantity: number }>): number {
    return lines.reduce((sum, line) => sum + line.unitPrice * line.quantity, 0);
  }

  /**
   * Places an order from priced lines. `pointsToUse` may not exceed what is
   * left to pay after the discount (the wallet checks the points held).
   */
  static place(input: {
    id: string;
    userId: string;
    lines: ReadonlyArray<{ productId: string; name: string; unitPrice: number; quantity: number }>;
    discount: number;
    pointsToUse: number;
    userCouponId: string | null;
    shippingAddress: PostalAddress;
    now: Date;
  }): Order {
    Order.validateItems(input.lines);
    const lines = input.lines.map((line) => ({
      ...line,
      lineTotal: line.unitPrice * line.quantity,
    }));
    const subtotal = Order.subtotalOf(lines);
    const discount = Math.min(Math.max(0, input.discount), subtotal);
    const due = subtotal - discount;
    if (!Number.isInteger(input.pointsToUse) || input.pointsToUse < 0 || input.pointsToUse > due) {
      throw new ValidationError([
        {
          field: 'pointsToUse',
          message: `pointsToUse must be an integer from 0 to ${due} (what is left to pay)`,
        },
      ]);
    }
    const paidAmount = due - input.pointsToUse;
    const order = new Order({
      id: input.id,
      userId: input.userId,
      status: 'PAID',
      lines,
      subtotal,
      discount,
      pointsUsed: input.pointsToUse,
      paidAmount,
      pointsEarned: Math.floor((paidAmount * OrderingLimits.pointsEarnedPercent) / 100),
      userCouponId: input.userCouponId,
      shippingAddress: input.shippingAddress,
      createdAt: input.now,
      cancelledAt: null,
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
            lineTotal: line.lineTotal,
          })),
          paidAmount,
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
          refundedAmount: this.props.paidAmount,
          placedAt: this.props.createdAt.toISOString(),
          cancelledAt: now.toISOString(),
        },
        now,
      ),
    );
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

  get subtotal(): number {
    return this.props.subtotal;
  }

  get discount(): number {
    return this.props.discount;
  }

  get pointsUsed(): number {
    return this.props.pointsUsed;
  }

  get paidAmount(): number {
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
