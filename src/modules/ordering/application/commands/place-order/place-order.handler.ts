import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '../../../../../shared/kernel/unit-of-work.port';
import { OrderView } from '../../queries/get-order/order.view';
import { OrderPlacement } from '../../services/order-placement.service';
import { PlaceOrderCommand } from './place-order.command';

/** POST /orders: stock, coupon, points, balance, the order and its events in one transaction. */
@CommandHandler(PlaceOrderCommand)
export class PlaceOrderHandler implements ICommandHandler<PlaceOrderCommand, OrderView> {
  constructor(
    private readonly placement: OrderPlacement,
    private readonly unitOfWork: UnitOfWork,
  ) {}

  execute(command: PlaceOrderCommand): Promise<OrderView> {
    return this.unitOfWork.run(() =>
      this.placement.place({
        userId: command.userId,
        items: command.items,
        userCouponId: command.userCouponId,
        pointsToUse: command.pointsToUse,
      }),
    );
  }
}
