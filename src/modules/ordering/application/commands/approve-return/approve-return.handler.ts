import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Clock } from '../../../../../shared/kernel/clock.port';
import { EventOutbox } from '../../../../../shared/kernel/event-outbox.port';
import { NotFoundError } from '../../../../../shared/kernel/not-found.error';
import { UnitOfWork } from '../../../../../shared/kernel/unit-of-work.port';
import { ProductStock } from '../../../../catalog/application/ports/product-stock.port';
import { WalletPayments } from '../../../../wallet/application/ports/wallet-payments.port';
import { ReturnRefund } from '../../../domain/return-refund';
import { OrderReturnRepository } from '../../ports/order-return.repository.port';
import { OrderRepository } from '../../ports/order.repository.port';
import { ReturnView } from '../../queries/list-returns/return.view';
import { toReturnView } from '../../services/return-view.mapper';
import { ApproveReturnCommand } from './approve-return.command';

/**
 * One transaction, locks in the order return → order → wallet → products.
 * An APPROVED return answers as it is and writes nothing, so concurrent or
 * repeated approvals refund once (the second waits on the return row); the
 * ledger's unique (order, type, return) key is the last word. A REJECTED
 * return is refused (RETURN_ALREADY_DECIDED, ADR 0080) before anything moves.
 */
@CommandHandler(ApproveReturnCommand)
export class ApproveReturnHandler implements ICommandHandler<
  ApproveReturnCommand,
  { orderReturn: ReturnView; approved: boolean }
> {
  constructor(
    private readonly returns: OrderReturnRepository,
    private readonly orders: OrderRepository,
    private readonly wallet: WalletPayments,
    private readonly stock: ProductStock,
    private readonly outbox: EventOutbox,
    private readonly unitOfWork: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  execute(command: ApproveReturnCommand): Promise<{ orderReturn: ReturnView; approved: boolean }> {
    return this.unitOfWork.run(async () => {
      const orderReturn = await this.returns.findForUpdate(command.returnId);
      if (!orderReturn) throw new NotFoundError('Return', command.returnId);
      if (!orderReturn.awaitsApproval())
        return { orderReturn: toReturnView(orderReturn), approved: false };
      const order = await this.orders.findForUpdate(orderReturn.orderId);
      if (!order) throw new Error(`return ${orderReturn.id} has no order ${orderReturn.orderId}`);
      const now = this.clock.now();
      const before = await this.returns.approvedFor(order.id);
      const share = ReturnRefund.share(order.payment, before.settled, orderReturn.returnedValue);
      const settled = await this.wallet.refundReturn({
        userId: order.userId,
        orderId: order.id,
        returnId: orderReturn.id,
        amount: share.refund,
        pointsToRestore: share.pointsToRestore,
        pointsToRevoke: share.pointsToRevoke,
        at: now,
      });
      await this.stock.restore(
        orderReturn.lines.map((line) => ({ productId: line.productId, quantity: line.quantity })),
      );
      orderReturn.approve(
        {
          refund: settled.refunded,
          pointsRestored: settled.pointsRestored,
          pointsRevoked: settled.pointsRevoked,
          pointsShortfall: settled.pointsShortfall,
        },
        order.createdAt,
        now,
      );
      await this.returns.saveApproval(orderReturn);
      const approved = new Map(before.quantities);
      for (const line of orderReturn.lines)
        approved.set(line.productId, (approved.get(line.productId) ?? 0) + line.quantity);
      order.settleReturn(approved, before.pending > 1);
      await this.orders.saveStatus(order);
      await this.outbox.append(orderReturn.pullEvents());
      // The owner reads the refund and the order's new state at once.
      this.unitOfWork.attributeTo(order.userId);
      return { orderReturn: toReturnView(orderReturn), approved: true };
    });
  }
}
