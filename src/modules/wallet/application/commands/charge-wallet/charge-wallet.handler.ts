import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Clock } from '../../../../../shared/kernel/clock.port';
import { IdGenerator } from '../../../../../shared/kernel/id-generator.port';
import { UnitOfWork } from '../../../../../shared/kernel/unit-of-work.port';
import { WalletRepository } from '../../ports/wallet.repository.port';
import { ChargeWalletCommand, ChargeWalletResult } from './charge-wallet.command';

/**
 * Adds money to the caller's wallet under its row lock. The result is returned
 * from inside the unit of work on purpose: on an idempotent route that value is
 * stored as the response in the same transaction (ADR 0011).
 */
@CommandHandler(ChargeWalletCommand)
export class ChargeWalletHandler implements ICommandHandler<
  ChargeWalletCommand,
  ChargeWalletResult
> {
  constructor(
    private readonly wallets: WalletRepository,
    private readonly unitOfWork: UnitOfWork,
    private readonly ids: IdGenerator,
    private readonly clock: Clock,
  ) {}

  execute(command: ChargeWalletCommand): Promise<ChargeWalletResult> {
    return this.unitOfWork.run(async () => {
      const wallet = await this.wallets.lock(command.userId);
      const entry = wallet.charge(command.amount, this.ids.next(), this.clock.now());
      await this.wallets.save(wallet);
      return { balance: wallet.balance.won, transactionId: entry.id };
    });
  }
}
