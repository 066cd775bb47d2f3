import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Clock } from '../../../../../shared/kernel/clock.port';
import { EventOutbox } from '../../../../../shared/kernel/event-outbox.port';
import { NotFoundError } from '../../../../../shared/kernel/not-found.error';
import { UnitOfWork } from '../../../../../shared/kernel/unit-of-work.port';
import { OrderReturnRepository } from '../../ports/order-return.repository.port';
import { OrderRepository } from '../../ports/order.repository.port';
import { ReturnView } from '../../queries/list-returns/return.view';
import { toReturnView } from '../../services/return-view.mapper';
import { RejectReturnCommand } from './reject-return.command';

/**
 * One transaction, locks in the same order as an approval (order return →
 * order), so a rejection and an approval of one return serialize on the
 * return row and the second sees the first's outcome: a REJECTED return
 * answers as it is (a repeat), an APPROVED one is RETURN_ALREADY_DECIDED.
 * Otherwise the units are released, the order's state follows (ADR 0080),
 * and `ordering.return-rejected.v1` goes to the outbox (e-mail). No wallet,
 * stock or ranking change.
 */
@CommandHandler(RejectReturnCommand)
export class RejectReturnHandler implements ICommandHandler<
  RejectReturnCommand,
  { orderReturn: ReturnView; rejected: boolean }
> {
  constructor(
    private readonly returns: OrderReturnRepository,
    private readonly orders: OrderRepository,
    private readonly outbox: EventOutbox,
    private readonly unitOfWork: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  execute(command: RejectReturnCommand): Promise<{ orderReturn: ReturnView; rejected: boolean }> {
    return this.unitOfWork.run(async () => {
      const orderReturn = await this.returns.findForUpdate(command.returnId);
      if (!orderReturn) throw new NotFoundError('Return', command.returnId);
      if (!orderReturn.reject(this.clock.now()))
        return { orderReturn: toReturnView(orderReturn), rejected: false };
      const order = await this.orders.findForUpdate(orderReturn.orderId);
      if (!order) throw new Error(`return ${orderReturn.id} has no order ${orderReturn.orderId}`);
      const others = await this.returns.approvedFor(order.id);
      await this.returns.release(order.id, orderReturn.lines);
      order.releaseReturn(orderReturn.lines, {
        anyApproved: others.quantities.size > 0,
        // Counted before this return's row changes: it is still REQUESTED there.
        otherReturnsPending: others.pending > 1,
      });
      await this.returns.saveRejection(orderReturn);
      await this.orders.saveStatus(order);
      await this.outbox.append(orderReturn.pullEvents());
      // The owner reads the order's new state at once.
      this.unitOfWork.attributeTo(order.userId);
      return { orderReturn: toReturnView(orderReturn), rejected: true };
    });
  }
}
