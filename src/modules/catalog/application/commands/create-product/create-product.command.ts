import { Command } from '@nestjs/cqrs';
import { ProductStatus } from '../../../domain/product-status';
import { ProductView } from '../../queries/get-product/product.view';

export interface NewProduct {
  readonly name: string;
  readonly description: string;
  readonly price: number;
  readonly stock: number;
  readonly categoryId: string;
  readonly status?: ProductStatus;
}

export class CreateProductCommand extends Command<ProductView> {
  constructor(readonly product: NewProduct) {
    super();
  }
}
