import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Clock } from '../../../../../shared/kernel/clock.port';
import { IdGenerator } from '../../../../../shared/kernel/id-generator.port';
import { NotFoundError } from '../../../../../shared/kernel/not-found.error';
import { UnitOfWork } from '../../../../../shared/kernel/unit-of-work.port';
import { OrderReturn } from '../../../domain/order-return.aggregate';
import { ReturnNotAllowedError } from '../../../domain/return-not-allowed.error';
import { ReturnRefund } from '../../../domain/return-refund';
import { OrderReturnRepository } from '../../ports/order-return.repository.port';
import { OrderRepository } from '../../ports/order.repository.port';
import { ReturnView } from '../../queries/list-returns/return.view';
import { ReturnPolicy } from '../../services/return-policy';
import { toReturnView } from '../../services/return-view.mapper';
import { RequestReturnCommand } from './request-return.command';

/**
 * One transaction: the order row is locked first, so requests of the same
 * order (and ship, cancel, approve) serialize; the aggregate checks state,
 * window and what is left; the conditional reservation and the CHECK on
 * `order_lines.returned_quantity` are the last word.
 */
@CommandHandler(RequestReturnCommand)
export class RequestReturnHandler implements ICommandHandler<RequestReturnCommand, ReturnView> {
  constructor(
    private readonly orders: OrderRepository,
    private readonly returns: OrderReturnRepository,
    private readonly policy: ReturnPolicy,
    private readonly unitOfWork: UnitOfWork,
    private readonly ids: IdGenerator,
    private readonly clock: Clock,
  ) {}

  execute(command: RequestReturnCommand): Promise<ReturnView> {
    return this.unitOfWork.run(async () => {
      const order = await this.orders.findForUpdate(command.orderId);
      // Someone else's order does not exist as far as the caller can tell.
      if (!order || order.userId !== command.callerId)
        throw new NotFoundError('Order', command.orderId);
      const now = this.clock.now();
      const lines = order.requestReturn(command.items, now, this.policy.windowDays);
      const approved = await this.returns.approvedFor(order.id);
      const estimate = ReturnRefund.share(
        order.payment,
        approved.settled,
        OrderReturn.linesValue(lines),
      );
      const orderReturn = OrderReturn.request({
        id: this.ids.next(),
        orderId: order.id,
        userId: order.userId,
        lines,
        reason: command.reason,
        estimatedRefund: estimate.refund,
        now,
      });
      if (!(await this.returns.reserve(order.id, lines)))
        throw new ReturnNotAllowedError(`More than is left of order ${order.id} would be returned`);
      await this.returns.add(orderReturn);
      await this.orders.saveStatus(order);
      return toReturnView(orderReturn);
    });
  }
}
