import { Query } from '@nestjs/cqrs';
import { OrderView } from './order.view';

export class GetOrderQuery extends Query<OrderView> {
  constructor(
    readonly orderId: string,
    readonly callerId: string,
    readonly callerIsAdmin: boolean,
  ) {
    super();
  }
}
