import { CartLine } from '../ports/cart-contents.port';
import { CartReadModel } from '../ports/cart.read-model.port';
import { InMemoryCartRepository } from './in-memory-cart.repository.fake';

/** Reads the lines an InMemoryCartRepository holds, ordered like the SQL read model. */
export class InMemoryCartReadModel extends CartReadModel {
  constructor(private readonly repository: InMemoryCartRepository) {
    super();
  }

  async lines(userId: string): Promise<CartLine[]> {
    return [...this.repository.linesOf(userId)]
      .sort(
        (a, b) =>
          a.addedAt.getTime() - b.addedAt.getTime() ||
          (a.productId < b.productId ? -1 : a.productId > b.productId ? 1 : 0),
      )
      .map(({ productId, quantity }) => ({ productId, quantity }));
  }
}
