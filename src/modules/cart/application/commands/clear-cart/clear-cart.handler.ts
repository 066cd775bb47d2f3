import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '../../../../../shared/kernel/unit-of-work.port';
import { CartRepository } from '../../ports/cart.repository.port';
import { ClearCartCommand } from './clear-cart.command';

/** Empties the cart; an empty cart stays empty. */
@CommandHandler(ClearCartCommand)
export class ClearCartHandler implements ICommandHandler<ClearCartCommand, void> {
  constructor(
    private readonly carts: CartRepository,
    private readonly unitOfWork: UnitOfWork,
  ) {}

  async execute(command: ClearCartCommand): Promise<void> {
    await this.unitOfWork.run(() => this.carts.clear(command.userId));
  }
}
