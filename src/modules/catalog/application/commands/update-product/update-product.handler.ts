import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Clock } from '../../../../../shared/kernel/clock.port';
import { NotFoundError } from '../../../../../shared/kernel/not-found.error';
import { UnitOfWork } from '../../../../../shared/kernel/unit-of-work.port';
import { ValidationError } from '../../../../../shared/kernel/validation.error';
import { CatalogCache } from '../../ports/catalog-cache.port';
import { CategoryRepository } from '../../ports/category.repository.port';
import { ProductRepository } from '../../ports/product.repository.port';
import { ProductView } from '../../queries/get-product/product.view';
import { toProductView } from '../../queries/get-product/product-view.mapper';
import { UpdateProductCommand } from './update-product.command';

/** Partial update under a row lock; caches are evicted after commit. */
@CommandHandler(UpdateProductCommand)
export class UpdateProductHandler implements ICommandHandler<UpdateProductCommand, ProductView> {
  constructor(
    private readonly products: ProductRepository,
    private readonly categories: CategoryRepository,
    private readonly cache: CatalogCache,
    private readonly unitOfWork: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  async execute(command: UpdateProductCommand): Promise<ProductView> {
    return this.unitOfWork.run(async () => {
      const product = await this.products.findForUpdate(command.productId);
      if (!product) throw new NotFoundError('Product', command.productId);
      const { categoryId } = command.changes;
      if (
        categoryId !== undefined &&
        categoryId !== product.categoryId &&
        !(await this.categories.exists(categoryId))
      ) {
        throw new ValidationError([{ field: 'categoryId', message: 'category does not exist' }]);
      }
      if (product.update(command.changes, this.clock.now())) {
        await this.products.save(product);
        this.unitOfWork.afterCommit(() => this.cache.productsChanged([product.id]));
      }
      return toProductView(product);
    });
  }
}
