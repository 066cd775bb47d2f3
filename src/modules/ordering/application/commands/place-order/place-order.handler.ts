import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '../../../../../shared/kernel/unit-of-work.port';
import { OrderView } from '../../queries/get-order/order.view';
import { OrderPlacement } from '../../services/order-placement.service';
import { ShippingAddressResolver } from '../../services/shipping-address-resolver.service';
import { PlaceOrderCommand } from './place-order.command';

/** POST /orders: stock, coupon, points, balance, the order and its events in one transaction. */
@CommandHandler(PlaceOrderCommand)
export class PlaceOrderHandler implements ICommandHandler<PlaceOrderCommand, OrderView> {
  constructor(
    private readonly placement: OrderPlacement,
    private readonly addresses: ShippingAddressResolver,
    private readonly unitOfWork: UnitOfWork,
  ) {}

  async execute(command: PlaceOrderCommand): Promise<OrderView> {
    const shippingAddress = await this.addresses.resolve(command.userId, command.delivery);
    return this.unitOfWork.run(() =>
      this.placement.place({
        userId: command.userId,
        items: command.items,
        userCouponId: command.userCouponId,
        pointsToUse: command.pointsToUse,
        shippingAddress,
      }),
    );
  }
}
