import { ImmediateUnitOfWork } from '../../../../shared/kernel/testing/immediate-unit-of-work.fake';
import { Order, OrderProps } from '../../domain/order.aggregate';
import { OrderRepository } from '../ports/order.repository.port';

export interface StoredOrder {
  readonly props: OrderProps;
  /** The transaction that last wrote the row; undefined when seeded. */
  readonly transaction: number | undefined;
}

/**
 * Orders stored as plain rows: every read returns a fresh aggregate, so a
 * change only sticks when the handler saves it. Writes need a transaction,
 * and what a rolled-back transaction wrote is gone.
 */
export class InMemoryOrderRepository extends OrderRepository {
  private rows = new Map<string, StoredOrder>();

  constructor(private readonly unitOfWork: ImmediateUnitOfWork) {
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

  /** Puts an order in place without going through a handler. */
  seed(order: Order): void {
    this.rows.set(order.id, { props: propsOf(order), transaction: undefined });
  }

  /** The stored order, or undefined. */
  stored(id: string): Order | undefined {
    const row = this.rows.get(id);
    return row ? Order.rehydrate(row.props) : undefined;
  }

  /** Everything stored, in insertion order. */
  all(): readonly StoredOrder[] {
    return [...this.rows.values()];
  }

  async add(order: Order): Promise<void> {
    const transaction = this.transaction('add');
    if (this.rows.has(order.id)) throw new Error(`duplicate order id ${order.id}`);
    this.rows.set(order.id, { props: propsOf(order), transaction });
  }

  async findForUpdate(id: string): Promise<Order | null> {
    this.transaction('findForUpdate');
    return this.stored(id) ?? null;
  }

  async saveStatus(order: Order): Promise<void> {
    const transaction = this.transaction('saveStatus');
    const row = this.rows.get(order.id);
    // Like an UPDATE: a row that does not exist stays absent.
    if (!row) return;
    this.rows.set(order.id, {
      props: {
        ...row.props,
        status: order.status,
        cancelledAt: order.cancelledAt,
        shipping: order.shipping,
      },
      transaction,
    });
  }

  /** Like the returns adapter's conditional UPDATE of `order_lines.returned_quantity`: false when a line has too little left. */
  reserveReturn(
    orderId: string,
    lines: ReadonlyArray<{ productId: string; quantity: number }>,
  ): boolean {
    const row = this.rows.get(orderId);
    if (!row) return false;
    const wanted = new Map(lines.map((line) => [line.productId, line.quantity]));
    const updated = row.props.lines.map((line) => ({
      ...line,
      returnedQuantity: line.returnedQuantity + (wanted.get(line.productId) ?? 0),
    }));
    if (updated.some((line) => line.returnedQuantity > line.quantity)) return false;
    if (lines.some((line) => !row.props.lines.some((l) => l.productId === line.productId)))
      return false;
    this.rows.set(orderId, { ...row, props: { ...row.props, lines: updated } });
    return true;
  }

  /** Like the returns adapter's release: lowers `returnedQuantity`; false when a line holds less. */
  releaseReturn(
    orderId: string,
    lines: ReadonlyArray<{ productId: string; quantity: number }>,
  ): boolean {
    const row = this.rows.get(orderId);
    if (!row) return false;
    const released = new Map(lines.map((line) => [line.productId, line.quantity]));
    const updated = row.props.lines.map((line) => ({
      ...line,
      returnedQuantity: line.returnedQuantity - (released.get(line.productId) ?? 0),
    }));
    if (updated.some((line) => line.returnedQuantity < 0)) return false;
    this.rows.set(orderId, { ...row, props: { ...row.props, lines: updated } });
    return true;
  }

  /** The fake keeps the address in the order's props (see `add`); it only checks the transaction. */
  addShippingAddress(): Promise<void> {
    this.transaction('addShippingAddress');
    return Promise.resolve();
  }

  private transaction(method: string): number {
    const transaction = this.unitOfWork.currentTransaction;
    if (transaction === undefined)
      throw new Error(`OrderRepository.${method} must run inside UnitOfWork.run`);
    return transaction;
  }
}

function propsOf(order: Order): OrderProps {
  return {
    id: order.id,
    userId: order.userId,
    status: order.status,
    lines: order.lines.map((line) => ({ ...line })),
    subtotal: order.subtotal,
    discount: order.discount,
    pointsUsed: order.pointsUsed,
    paidAmount: order.paidAmount,
    pointsEarned: order.pointsEarned,
    userCouponId: order.userCouponId,
    shippingAddress: order.shippingAddress,
    createdAt: order.createdAt,
    cancelledAt: order.cancelledAt,
    shipping: order.shipping,
  };
}
