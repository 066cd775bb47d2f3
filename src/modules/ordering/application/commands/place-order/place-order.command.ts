import { Command } from '@nestjs/cqrs';
import { OrderItem } from '../../../domain/order.aggregate';
import { OrderView } from '../../queries/get-order/order.view';

export class PlaceOrderCommand extends Command<OrderView> {
  constructor(
    readonly userId: string,
    readonly items: readonly OrderItem[],
    readonly userCouponId?: string,
    readonly pointsToUse?: number,
  ) {
    super();
  }
}
