import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Clock } from '../../../../../shared/kernel/clock.port';
import { NotFoundError } from '../../../../../shared/kernel/not-found.error';
import { UnitOfWork } from '../../../../../shared/kernel/unit-of-work.port';
import { ProductCatalog } from '../../../../catalog/application/ports/product-catalog.port';
import { CartRepository } from '../../ports/cart.repository.port';
import { SetCartItemCommand } from './set-cart-item.command';

/**
 * Puts a product in the cart or replaces its quantity. Only products that
 * are ACTIVE now can be put in (checked on the catalog's views before the
 * transaction; the foreign key is the last word on existence). The line limit
 * is checked under the per-user cart lock, so concurrent requests of one user
 * cannot together pass it.
 */
@CommandHandler(SetCartItemCommand)
export class SetCartItemHandler implements ICommandHandler<SetCartItemCommand, void> {
  constructor(
    private readonly carts: CartRepository,
    private readonly catalog: ProductCatalog,
    private readonly unitOfWork: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  async execute(command: SetCartItemCommand): Promise<void> {
    const [product] = await this.catalog.products([command.productId]);
    if (!product || product.status !== 'ACTIVE') {
      throw new NotFoundError('Product', command.productId);
    }
    await this.unitOfWork.run(async () => {
      const cart = await this.carts.lockForChange(command.userId);
      const item = cart.setQuantity(command.productId, command.quantity);
      await this.carts.saveLine(command.userId, item, this.clock.now());
    });
  }
}
