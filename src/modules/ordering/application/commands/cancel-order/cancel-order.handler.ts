import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Clock } from '../../../../../shared/kernel/clock.port';
import { EventOutbox } from '../../../../../shared/kernel/event-outbox.port';
import { NotFoundError } from '../../../../../shared/kernel/not-found.error';
import { UnitOfWork } from '../../../../../shared/kernel/unit-of-work.port';
import { ProductStock } from '../../../../catalog/application/ports/product-stock.port';
import { CouponRedemptions } from '../../../../coupons/application/ports/coupon-redemptions.port';
import { WalletPayments } from '../../../../wallet/application/ports/wallet-payments.port';
import { OrderRepository } from '../../ports/order.repository.port';
import { CancelOrderCommand } from './cancel-order.command';

/**
 * Cancels a PAID order in one transaction: the order row is locked first
 * (two cancels serialize; the second gets ORDER_NOT_CANCELLABLE), then the
 * coupon, the wallet and the products, in the same order placing uses.
 */
@CommandHandler(CancelOrderCommand)
export class CancelOrderHandler implements ICommandHandler<
  CancelOrderCommand,
  { status: 'CANCELLED' }
> {
  constructor(
    private readonly orders: OrderRepository,
    private readonly stock: ProductStock,
    private readonly coupons: CouponRedemptions,
    private readonly wallet: WalletPayments,
    private readonly outbox: EventOutbox,
    private readonly unitOfWork: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  execute(command: CancelOrderCommand): Promise<{ status: 'CANCELLED' }> {
    return this.unitOfWork.run(async () => {
      const order = await this.orders.findForUpdate(command.orderId);
      // Someone else's order does not exist as far as the caller can tell.
      if (!order || (order.userId !== command.callerId && !command.callerIsAdmin))
        throw new NotFoundError('Order', command.orderId);
      const now = this.clock.now();
      order.cancel(now);
      // An admin cancelling must let the owner read the refund at once.
      this.unitOfWork.attributeTo(order.userId);
      if (order.userCouponId)
        await this.coupons.restore({
          userCouponId: order.userCouponId,
          orderId: order.id,
          at: now,
        });
      await this.wallet.refund({
        userId: order.userId,
        orderId: order.id,
        amount: order.paidAmount,
        pointsUsed: order.pointsUsed,
        pointsEarned: order.pointsEarned,
        at: now,
      });
      await this.stock.restore(
        order.lines.map((line) => ({ productId: line.productId, quantity: line.quantity })),
      );
      await this.orders.saveStatus(order);
      await this.outbox.append(order.pullEvents());
      return { status: 'CANCELLED' as const };
    });
  }
}
