import { ImmediateUnitOfWork } from '../../../../shared/kernel/testing/immediate-unit-of-work.fake';
import { Cart, CartItem } from '../../domain/cart.aggregate';
import { CartRepository } from '../ports/cart.repository.port';

export interface StoredCartLine {
  readonly userId: string;
  readonly productId: string;
  readonly quantity: number;
  readonly addedAt: Date;
  readonly updatedAt: Date;
  /** The transaction that last wrote the line; undefined when seeded. */
  readonly transaction: number | undefined;
}

export interface CartLock {
  readonly userId: string;
  readonly transaction: number | undefined;
}

/**
 * Cart lines in an array, keyed like the real table by (user, product). Like
 * the real adapter it refuses to lock or write outside a transaction, and what
 * a rolled-back transaction wrote is gone.
 */
export class InMemoryCartRepository extends CartRepository {
  /** Every `lockForChange` call, in order. */
  readonly locks: CartLock[] = [];
  private rows: StoredCartLine[] = [];

  constructor(private readonly unitOfWork: ImmediateUnitOfWork) {
    super();
    unitOfWork.enlist({
      checkpoint: () => {
        const saved = [...this.rows];
        return () => {
          this.rows = saved;
        };
      },
    });
  }

  /** Puts lines in place without going through a handler. */
  seed(userId: string, items: readonly CartItem[], addedAt = new Date(0)): void {
    for (const item of items) {
      this.rows.push({ userId, ...item, addedAt, updatedAt: addedAt, transaction: undefined });
    }
  }

  /** The user's stored lines, in insertion order. */
  linesOf(userId: string): readonly StoredCartLine[] {
    return this.rows.filter((row) => row.userId === userId);
  }

  async lockForChange(userId: string): Promise<Cart> {
    this.locks.push({ userId, transaction: this.requireTransaction() });
    return Cart.rehydrate({
      userId,
      items: this.linesOf(userId).map(({ productId, quantity }) => ({ productId, quantity })),
    });
  }

  async saveLine(userId: string, item: CartItem, now: Date): Promise<void> {
    const transaction = this.requireTransaction();
    const index = this.rows.findIndex(
      (row) => row.userId === userId && row.productId === item.productId,
    );
    const existing = this.rows[index];
    if (existing) {
      this.rows[index] = { ...existing, quantity: item.quantity, updatedAt: now, transaction };
    } else {
      this.rows.push({ userId, ...item, addedAt: now, updatedAt: now, transaction });
    }
  }

  async removeLine(userId: string, productId: string): Promise<void> {
    this.requireTransaction();
    this.rows = this.rows.filter((row) => !(row.userId === userId && row.productId === productId));
  }

  async clear(userId: string): Promise<void> {
    this.requireTransaction();
    this.rows = this.rows.filter((row) => row.userId !== userId);
  }

  private requireTransaction(): number {
    const transaction = this.unitOfWork.currentTransaction;
    if (transaction === undefined) throw new Error('CartRepository must run inside UnitOfWork.run');
    return transaction;
  }
}
