import { Command } from '@nestjs/cqrs';
import { OrderItem } from '../../../domain/order.aggregate';
import { ReturnView } from '../../queries/list-returns/return.view';

/** The owner asks to return some units of a delivered order. */
export class RequestReturnCommand extends Command<ReturnView> {
  constructor(
    readonly orderId: string,
    readonly callerId: string,
    readonly items: readonly OrderItem[],
    readonly reason: string,
  ) {
    super();
  }
}
