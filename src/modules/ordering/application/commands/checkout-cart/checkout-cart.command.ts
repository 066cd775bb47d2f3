import { Command } from '@nestjs/cqrs';
import { OrderView } from '../../queries/get-order/order.view';

export class CheckoutCartCommand extends Command<OrderView> {
  constructor(
    readonly userId: string,
    readonly userCouponId?: string,
    readonly pointsToUse?: number,
  ) {
    super();
  }
}
