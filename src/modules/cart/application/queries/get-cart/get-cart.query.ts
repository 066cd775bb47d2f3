import { Query } from '@nestjs/cqrs';
import { CartView } from './cart.view';

/** GET /cart: the caller's cart with current prices and availability. */
export class GetCartQuery extends Query<CartView> {
  constructor(readonly userId: string) {
    super();
  }
}
