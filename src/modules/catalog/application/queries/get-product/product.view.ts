import type { ProductRating } from '../../../domain/product-rating';

/** A product as clients see it. */
export interface ProductView {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly price: number;
  readonly stock: number;
  readonly categoryId: string;
  readonly status: 'ACTIVE' | 'HIDDEN';
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** The product detail (`GET /products/:id`): the product and its rating. */
export interface ProductDetailView extends ProductView {
  readonly rating: ProductRating;
}
