import { Command } from '@nestjs/cqrs';
import { OrderItem } from '../../../domain/order.aggregate';
import { OrderView } from '../../queries/get-order/order.view';
import { DeliveryChoice } from '../../services/shipping-address-resolver.service';

export class PlaceOrderCommand extends Command<OrderView> {
  constructor(
    readonly userId: string,
    readonly delivery: DeliveryChoice,
    readonly items: readonly OrderItem[],
    readonly userCouponId?: string,
    readonly pointsToUse?: number,
  ) {
    super();
  }
}
