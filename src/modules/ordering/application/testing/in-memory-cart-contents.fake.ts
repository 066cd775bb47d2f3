import { ImmediateUnitOfWork } from '../../../../shared/kernel/testing/immediate-unit-of-work.fake';
import { CartContents, CartLine } from '../../../cart/application/ports/cart-contents.port';

/**
 * Cart lines per user. Works only inside a transaction; what a rolled-back
 * transaction changed is restored.
 */
export class InMemoryCartContents extends CartContents {
  private carts = new Map<string, readonly CartLine[]>();

  constructor(private readonly unitOfWork: ImmediateUnitOfWork) {
    super();
    unitOfWork.enlist({
      checkpoint: () => {
        const saved = new Map(this.carts);
        return () => {
          this.carts = saved;
        };
      },
    });
  }

  /** Puts the user's lines in place, in the given (any) order. */
  seed(userId: string, lines: readonly CartLine[]): void {
    this.carts.set(userId, [...lines]);
  }

  /** The user's stored lines. */
  linesOf(userId: string): readonly CartLine[] {
    return this.carts.get(userId) ?? [];
  }

  async linesForCheckout(userId: string): Promise<CartLine[]> {
    this.transaction('linesForCheckout');
    return [...this.linesOf(userId)].sort((a, b) =>
      a.productId < b.productId ? -1 : a.productId > b.productId ? 1 : 0,
    );
  }

  async clear(userId: string): Promise<void> {
    this.transaction('clear');
    this.carts.delete(userId);
  }

  private transaction(method: string): number {
    const transaction = this.unitOfWork.currentTransaction;
    if (transaction === undefined)
      throw new Error(`CartContents.${method} must run inside UnitOfWork.run`);
    return transaction;
  }
}
