import { OrderReturn, ReturnLine } from '../../domain/order-return.aggregate';
import { ReturnsSettled } from '../../domain/return-refund';

/** What the approved returns of one order add up to (read under the order's row lock). */
export interface ApprovedReturns {
  /** Value returned and amounts due so far, for the refund rule. */
  readonly settled: ReturnsSettled;
  /** Approved quantity per product. */
  readonly quantities: ReadonlyMap<string, number>;
  /** Returns of the order still REQUESTED. */
  readonly pending: number;
}

/** Returns on the write side (primary, current UnitOfWork). */
export abstract class OrderReturnRepository {
  /**
   * Raises each line's `returned_quantity` by the returned quantity, only
   * where it stays within what was bought (conditional UPDATE, CHECK as the
   * last word); false, with nothing kept by the caller, when a line had too little left.
   */
  abstract reserve(orderId: string, lines: readonly ReturnLine[]): Promise<boolean>;

  /** Inserts a new return and its lines. */
  abstract add(orderReturn: OrderReturn): Promise<void>;

  /** The return with its row locked until the transaction ends; null if none. */
  abstract findForUpdate(id: string): Promise<OrderReturn | null>;

  /** Sums of the order's APPROVED returns and the count of REQUESTED ones. */
  abstract approvedFor(orderId: string): Promise<ApprovedReturns>;

  /** Persists an approval (status, settled amounts, approved_at). */
  abstract saveApproval(orderReturn: OrderReturn): Promise<void>;

  /**
   * Lowers each line's `returned_quantity` by the rejected return's quantity
   * (the reverse of `reserve`); the units may be requested again.
   */
  abstract release(orderId: string, lines: readonly ReturnLine[]): Promise<void>;

  /** Persists a rejection (status only: nothing was settled). */
  abstract saveRejection(orderReturn: OrderReturn): Promise<void>;
}
