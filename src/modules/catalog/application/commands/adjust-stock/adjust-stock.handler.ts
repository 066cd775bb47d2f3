import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Clock } from '../../../../../shared/kernel/clock.port';
import { NotFoundError } from '../../../../../shared/kernel/not-found.error';
import { UnitOfWork } from '../../../../../shared/kernel/unit-of-work.port';
import { InsufficientStockError } from '../../../domain/insufficient-stock.error';
import { Product } from '../../../domain/product.aggregate';
import { CatalogCache } from '../../ports/catalog-cache.port';
import { ProductRepository } from '../../ports/product.repository.port';
import { AdjustStockCommand } from './adjust-stock.command';

/**
 * Adds or removes stock with one conditional UPDATE (`stock + delta >= 0`),
 * so concurrent adjustments add up exactly and never go below zero.
 */
@CommandHandler(AdjustStockCommand)
export class AdjustStockHandler implements ICommandHandler<AdjustStockCommand, { stock: number }> {
  constructor(
    private readonly products: ProductRepository,
    private readonly cache: CatalogCache,
    private readonly unitOfWork: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  async execute(command: AdjustStockCommand): Promise<{ stock: number }> {
    Product.validateAdjustment(command.delta);
    return this.unitOfWork.run(async () => {
      const result = await this.products.adjustStock(
        command.productId,
        command.delta,
        command.reason.trim(),
        this.clock.now(),
      );
      if (result.outcome === 'not-found') throw new NotFoundError('Product', command.productId);
      if (result.outcome === 'insufficient') throw new InsufficientStockError(command.productId);
      this.unitOfWork.afterCommit(() => this.cache.productsChanged([command.productId]));
      return { stock: result.stock };
    });
  }
}
