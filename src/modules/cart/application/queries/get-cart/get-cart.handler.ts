import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { ProductCatalog } from '../../../../catalog/application/ports/product-catalog.port';
import { CartReadModel } from '../../ports/cart.read-model.port';
import { CartItemView, CartView } from './cart.view';
import { GetCartQuery } from './get-cart.query';
import { Money } from '../../../../../shared/kernel/money';

/**
 * Joins the stored lines with the catalog's current product views: the cart
 * keeps no prices, so it always shows what the product costs now. A line
 * whose product is HIDDEN or short of stock stays in the cart (the user
 * decides) but is marked unavailable and left out of the total.
 */
@QueryHandler(GetCartQuery)
export class GetCartHandler implements IQueryHandler<GetCartQuery, CartView> {
  constructor(
    private readonly carts: CartReadModel,
    private readonly catalog: ProductCatalog,
  ) {}

  async execute(query: GetCartQuery): Promise<CartView> {
    const lines = await this.carts.lines(query.userId);
    if (lines.length === 0) return { items: [], total: 0 };
    const products = new Map(
      (await this.catalog.products(lines.map((line) => line.productId))).map((product) => [
        product.id,
        product,
      ]),
    );
    const items = lines.map((line): CartItemView => {
      const product = products.get(line.productId);
      // The foreign key keeps products in place; an unknown one is shown as unavailable, not dropped.
      if (!product) {
        return {
          productId: line.productId,
          name: '',
          unitPrice: 0,
          quantity: line.quantity,
          lineTotal: 0,
          available: false,
        };
      }
      return {
        productId: line.productId,
        name: product.name,
        unitPrice: product.price,
        quantity: line.quantity,
        lineTotal: Money.won(product.price).times(line.quantity).won,
        available: product.status === 'ACTIVE' && product.stock >= line.quantity,
      };
    });
    const total = Money.sum(
      items.filter((item) => item.available).map((item) => Money.won(item.lineTotal)),
    );
    return { items, total: total.won };
  }
}
