import { Command } from '@nestjs/cqrs';
import { ProductChanges } from '../../../domain/product.aggregate';
import { ProductView } from '../../queries/get-product/product.view';

export class UpdateProductCommand extends Command<ProductView> {
  constructor(
    readonly productId: string,
    readonly changes: ProductChanges,
  ) {
    super();
  }
}
