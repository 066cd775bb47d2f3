import { AggregateRoot } from '../../../shared/kernel/aggregate-root';
import { Money } from '../../../shared/kernel/money';
import { ValidationError } from '../../../shared/kernel/validation.error';
import { ReturnApproved } from '../application/events/return-approved.integration-event';
import { ReturnRejected } from '../application/events/return-rejected.integration-event';
import { ReturnAlreadyDecidedError } from './return-already-decided.error';
import { ReturnStatus } from './return-status';

/** A returned quantity of one order line, valued at the order's unit price. */
export interface ReturnLine {
  readonly productId: string;
  readonly quantity: number;
  readonly unitPrice: Money;
}

/** What an approval settled (ADR 0050): the rule's share and what the wallet actually moved. */
export interface ReturnSettlement {
  /** Money put back in the wallet. */
  readonly refund: Money;
  readonly pointsRestored: number;
  readonly pointsRevoked: number;
  /** Earned points already spent, withheld from the refund (1 point = 1 won). */
  readonly pointsShortfall: number;
}

export interface OrderReturnProps {
  readonly id: string;
  readonly orderId: string;
  readonly userId: string;
  readonly status: ReturnStatus;
  readonly lines: readonly ReturnLine[];
  readonly reason: string;
  /**
   * While REQUESTED: the refund if approved next (an estimate); once
   * APPROVED: what the wallet received; REJECTED: 0.
   */
  readonly refundAmount: Money;
  readonly pointsRestored: number;
  readonly pointsRevoked: number;
  readonly pointsShortfall: number;
  readonly createdAt: Date;
  readonly approvedAt: Date | null;
}

export const RETURN_REASON_LENGTH = { min: 1, max: 500 } as const;

/** A customer's return of some lines of a delivered order, approved by the warehouse on receipt. */
export class OrderReturn extends AggregateRoot {
  private constructor(private props: OrderReturnProps) {
    super();
  }

  static request(input: {
    id: string;
    orderId: string;
    userId: string;
    lines: readonly ReturnLine[];
    reason: string;
    estimatedRefund: Money;
    now: Date;
  }): OrderReturn {
    const reason = input.reason.trim();
    const { min, max } = RETURN_REASON_LENGTH;
    if (reason.length < min || reason.length > max)
      throw new ValidationError([
        { field: 'reason', message: `reason must be ${min} to ${max} characters` },
      ]);
    return new OrderReturn({
      id: input.id,
      orderId: input.orderId,
      userId: input.userId,
      status: 'REQUESTED',
      lines: input.lines,
      reason,
      refundAmount: input.estimatedRefund,
      pointsRestored: 0,
      pointsRevoked: 0,
      pointsShortfall: 0,
      createdAt: input.now,
      approvedAt: null,
    });
  }

  static rehydrate(props: OrderReturnProps): OrderReturn {
    return new OrderReturn(props);
  }

  /** Value of the returned lines at the order's unit prices. */
  static linesValue(lines: readonly ReturnLine[]): Money {
    return Money.sum(lines.map((line) => line.unitPrice.times(line.quantity)));
  }

  /**
   * REQUESTED → APPROVED with what was settled; records ReturnApproved.
   * Approving an APPROVED return is refused here: the handler answers a
   * repeat before settling anything (awaitsApproval).
   */
  approve(settlement: ReturnSettlement, orderPlacedAt: Date, now: Date): void {
    if (!this.awaitsApproval())
      throw new Error(`return ${this.id} is ${this.props.status}, not REQUESTED`);
    this.props = {
      ...this.props,
      status: 'APPROVED',
      refundAmount: settlement.refund,
      pointsRestored: settlement.pointsRestored,
      pointsRevoked: settlement.pointsRevoked,
      pointsShortfall: settlement.pointsShortfall,
      approvedAt: now,
    };
    this.record(
      new ReturnApproved(
        {
          returnId: this.id,
          orderId: this.orderId,
          userId: this.userId,
          lines: this.lines.map((line) => ({ productId: line.productId, quantity: line.quantity })),
          refundAmount: settlement.refund.won,
          pointsRestored: settlement.pointsRestored,
          pointsRevoked: settlement.pointsRevoked,
          placedAt: orderPlacedAt.toISOString(),
          approvedAt: now.toISOString(),
        },
        now,
      ),
    );
  }

  /**
   * Whether approving would settle anything: true while REQUESTED, false on
   * a repeat (already APPROVED); a REJECTED return is refused with
   * RETURN_ALREADY_DECIDED (ADR 0080). The handler asks before it settles.
   */
  awaitsApproval(): boolean {
    if (this.props.status === 'REJECTED')
      throw new ReturnAlreadyDecidedError(`Return ${this.id} was rejected: it cannot be approved`);
    return this.props.status === 'REQUESTED';
  }

  /**
   * REQUESTED → REJECTED (the parcel never arrived); records ReturnRejected.
   * Nothing was settled: the refund (the estimate until now) becomes 0. False, with
   * nothing recorded, when already REJECTED (a repeat); an APPROVED return
   * is refused with RETURN_ALREADY_DECIDED (ADR 0080).
   */
  reject(now: Date): boolean {
    if (this.props.status === 'REJECTED') return false;
    if (this.props.status === 'APPROVED')
      throw new ReturnAlreadyDecidedError(`Return ${this.id} was approved: it cannot be rejected`);
    this.props = { ...this.props, status: 'REJECTED', refundAmount: Money.won(0) };
    this.record(
      new ReturnRejected(
        {
          returnId: this.id,
          orderId: this.orderId,
          userId: this.userId,
          lines: this.lines.map((line) => ({ productId: line.productId, quantity: line.quantity })),
          rejectedAt: now.toISOString(),
        },
        now,
      ),
    );
    return true;
  }

  get id(): string {
    return this.props.id;
  }
  get orderId(): string {
    return this.props.orderId;
  }
  get userId(): string {
    return this.props.userId;
  }
  get status(): ReturnStatus {
    return this.props.status;
  }
  get lines(): readonly ReturnLine[] {
    return this.props.lines;
  }
  get reason(): string {
    return this.props.reason;
  }
  get returnedValue(): Money {
    return OrderReturn.linesValue(this.props.lines);
  }
  get refundAmount(): Money {
    return this.props.refundAmount;
  }
  get pointsRestored(): number {
    return this.props.pointsRestored;
  }
  get pointsRevoked(): number {
    return this.props.pointsRevoked;
  }
  get pointsShortfall(): number {
    return this.props.pointsShortfall;
  }
  get createdAt(): Date {
    return this.props.createdAt;
  }
  get approvedAt(): Date | null {
    return this.props.approvedAt;
  }
}
