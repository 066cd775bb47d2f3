import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Clock } from '../../../../../shared/kernel/clock.port';
import { NotFoundError } from '../../../../../shared/kernel/not-found.error';
import { UnitOfWork } from '../../../../../shared/kernel/unit-of-work.port';
import { CatalogCache } from '../../ports/catalog-cache.port';
import { ProductRepository } from '../../ports/product.repository.port';
import { HideProductCommand } from './hide-product.command';

@CommandHandler(HideProductCommand)
export class HideProductHandler implements ICommandHandler<HideProductCommand, void> {
  constructor(
    private readonly products: ProductRepository,
    private readonly cache: CatalogCache,
    private readonly unitOfWork: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  async execute(command: HideProductCommand): Promise<void> {
    await this.unitOfWork.run(async () => {
      const product = await this.products.findForUpdate(command.productId);
      if (!product) throw new NotFoundError('Product', command.productId);
      product.hide(this.clock.now());
      await this.products.save(product);
      this.unitOfWork.afterCommit(() => this.cache.productsChanged([product.id]));
    });
  }
}
