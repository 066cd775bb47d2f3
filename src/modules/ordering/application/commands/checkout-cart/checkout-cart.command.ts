import { Command } from '@nestjs/cqrs';
import { OrderView } from '../../queries/get-order/order.view';
import { DeliveryChoice } from '../../services/shipping-address-resolver.service';

export class CheckoutCartCommand extends Command<OrderView> {
  constructor(
    readonly userId: string,
    readonly delivery: DeliveryChoice,
    readonly userCouponId?: string,
    readonly pointsToUse?: number,
  ) {
    super();
  }
}
