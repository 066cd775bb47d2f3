import { ImmediateUnitOfWork } from '../../../../shared/kernel/testing/immediate-unit-of-work.fake';
import { Money } from '../../../../shared/kernel/money';
import { OrderReturn, OrderReturnProps, ReturnLine } from '../../domain/order-return.aggregate';
import { ApprovedReturns, OrderReturnRepository } from '../ports/order-return.repository.port';
import { InMemoryOrderRepository } from './in-memory-order.repository.fake';

/**
 * Returns as plain rows beside the in-memory orders: `reserve` raises the
 * order lines' returned quantity like the conditional UPDATE (refusing past
 * what was bought), and a rolled-back transaction's writes are gone.
 */
export class InMemoryOrderReturnRepository extends OrderReturnRepository {
  private rows = new Map<string, OrderReturnProps>();

  constructor(
    private readonly unitOfWork: ImmediateUnitOfWork,
    private readonly orders: InMemoryOrderRepository,
  ) {
    super();
    unitOfWork.enlist({
      checkpoint: () => {
        const saved = new Map(this.rows);
        return () => {
          this.rows = saved;
        };
      },
    });
  }

  stored(id: string): OrderReturn | undefined {
    const row = this.rows.get(id);
    return row ? OrderReturn.rehydrate(row) : undefined;
  }

  async reserve(orderId: string, lines: readonly ReturnLine[]): Promise<boolean> {
    this.transaction('reserve');
    return this.orders.reserveReturn(orderId, lines);
  }

  async add(orderReturn: OrderReturn): Promise<void> {
    this.transaction('add');
    if (this.rows.has(orderReturn.id)) throw new Error(`duplicate return id ${orderReturn.id}`);
    this.rows.set(orderReturn.id, propsOf(orderReturn));
  }

  async findForUpdate(id: string): Promise<OrderReturn | null> {
    this.transaction('findForUpdate');
    return this.stored(id) ?? null;
  }

  async approvedFor(orderId: string): Promise<ApprovedReturns> {
    this.transaction('approvedFor');
    const ofOrder = [...this.rows.values()].filter((row) => row.orderId === orderId);
    const approved = ofOrder.filter((row) => row.status === 'APPROVED');
    const quantities = new Map<string, number>();
    for (const row of approved)
      for (const line of row.lines)
        quantities.set(line.productId, (quantities.get(line.productId) ?? 0) + line.quantity);
    const sum = (pick: (row: OrderReturnProps) => number) =>
      approved.reduce((total, row) => total + pick(row), 0);
    return {
      settled: {
        returnedValue: Money.won(sum((row) => OrderReturn.linesValue(row.lines).won)),
        refundDue: Money.won(sum((row) => row.refundAmount.won + row.pointsShortfall)),
        pointsRestoreDue: sum((row) => row.pointsRestored),
        pointsRevokeDue: sum((row) => row.pointsRevoked + row.pointsShortfall),
      },
      quantities,
      pending: ofOrder.filter((row) => row.status === 'REQUESTED').length,
    };
  }

  async saveApproval(orderReturn: OrderReturn): Promise<void> {
    this.transaction('saveApproval');
    this.rows.set(orderReturn.id, propsOf(orderReturn));
  }

  async release(orderId: string, lines: readonly ReturnLine[]): Promise<void> {
    this.transaction('release');
    if (!this.orders.releaseReturn(orderId, lines))
      throw new Error(`order ${orderId} holds less than the return`);
  }

  async saveRejection(orderReturn: OrderReturn): Promise<void> {
    this.transaction('saveRejection');
    this.rows.set(orderReturn.id, propsOf(orderReturn));
  }

  private transaction(method: string): void {
    if (this.unitOfWork.currentTransaction === undefined)
      throw new Error(`OrderReturnRepository.${method} must run inside UnitOfWork.run`);
  }
}

function propsOf(orderReturn: OrderReturn): OrderReturnProps {
  return {
    id: orderReturn.id,
    orderId: orderReturn.orderId,
    userId: orderReturn.userId,
    status: orderReturn.status,
    lines: orderReturn.lines,
    reason: orderReturn.reason,
    refundAmount: orderReturn.refundAmount,
    pointsRestored: orderReturn.pointsRestored,
    pointsRevoked: orderReturn.pointsRevoked,
    pointsShortfall: orderReturn.pointsShortfall,
    createdAt: orderReturn.createdAt,
    approvedAt: orderReturn.approvedAt,
  };
}
