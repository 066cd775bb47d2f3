import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '../../../../../shared/kernel/unit-of-work.port';
import { CartRepository } from '../../ports/cart.repository.port';
import { RemoveCartItemCommand } from './remove-cart-item.command';

/**
 * Removes one line. Idempotent, so removing an absent product succeeds; no
 * cart lock is needed, because removing can never break the line limit.
 */
@CommandHandler(RemoveCartItemCommand)
export class RemoveCartItemHandler implements ICommandHandler<RemoveCartItemCommand, void> {
  constructor(
    private readonly carts: CartRepository,
    private readonly unitOfWork: UnitOfWork,
  ) {}

  async execute(command: RemoveCartItemCommand): Promise<void> {
    await this.unitOfWork.run(() => this.carts.removeLine(command.userId, command.productId));
  }
}
