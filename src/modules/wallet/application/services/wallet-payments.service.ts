import { IdGenerator } from '../../../../shared/kernel/id-generator.port';
import { UnitOfWork } from '../../../../shared/kernel/unit-of-work.port';
import {
  WalletPayment,
  WalletPayments,
  WalletReturnRefund,
  WalletReturnRefunded,
} from '../ports/wallet-payments.port';
import { WalletRepository } from '../ports/wallet.repository.port';

/**
 * WalletPayments on the wallet aggregate: lock, apply, save. `run` joins the
 * caller's transaction, so a failure anywhere in the order rolls the money
 * back with it; called alone it gets a transaction of its own.
 */
export class WalletPaymentsService extends WalletPayments {
  constructor(
    private readonly wallets: WalletRepository,
    private readonly unitOfWork: UnitOfWork,
    private readonly ids: IdGenerator,
  ) {
    super();
  }

  pay(payment: WalletPayment): Promise<void> {
    return this.unitOfWork.run(async () => {
      const wallet = await this.wallets.lock(payment.userId);
      wallet.pay(payment, () => this.ids.next());
      await this.wallets.save(wallet);
      this.unitOfWork.attributeTo(payment.userId);
    });
  }

  refund(payment: WalletPayment): Promise<void> {
    return this.unitOfWork.run(async () => {
      const wallet = await this.wallets.lock(payment.userId);
      wallet.refund(payment, () => this.ids.next());
      await this.wallets.save(wallet);
      this.unitOfWork.attributeTo(payment.userId);
    });
  }

  refundReturn(refund: WalletReturnRefund): Promise<WalletReturnRefunded> {
    return this.unitOfWork.run(async () => {
      const wallet = await this.wallets.lock(refund.userId);
      const settled = wallet.refundReturn(refund, () => this.ids.next());
      await this.wallets.save(wallet);
      this.unitOfWork.attributeTo(refund.userId);
      return settled;
    });
  }
}
