import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Clock } from '../../../../../shared/kernel/clock.port';
import { IdGenerator } from '../../../../../shared/kernel/id-generator.port';
import { UnitOfWork } from '../../../../../shared/kernel/unit-of-work.port';
import { ValidationError } from '../../../../../shared/kernel/validation.error';
import { Product } from '../../../domain/product.aggregate';
import { CatalogCache } from '../../ports/catalog-cache.port';
import { CategoryRepository } from '../../ports/category.repository.port';
import { ProductRepository } from '../../ports/product.repository.port';
import { ProductView } from '../../queries/get-product/product.view';
import { toProductView } from '../../queries/get-product/product-view.mapper';
import { CreateProductCommand } from './create-product.command';

@CommandHandler(CreateProductCommand)
export class CreateProductHandler implements ICommandHandler<CreateProductCommand, ProductView> {
  constructor(
    private readonly products: ProductRepository,
    private readonly categories: CategoryRepository,
    private readonly cache: CatalogCache,
    private readonly unitOfWork: UnitOfWork,
    private readonly ids: IdGenerator,
    private readonly clock: Clock,
  ) {}

  async execute({ product: input }: CreateProductCommand): Promise<ProductView> {
    const product = Product.create({ ...input, id: this.ids.next(), now: this.clock.now() });
    await this.unitOfWork.run(async () => {
      if (!(await this.categories.exists(product.categoryId))) {
        throw new ValidationError([{ field: 'categoryId', message: 'category does not exist' }]);
      }
      await this.products.add(product);
      this.unitOfWork.afterCommit(() => this.cache.productsChanged([product.id]));
    });
    return toProductView(product);
  }
}
