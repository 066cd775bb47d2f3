import { Query } from '@nestjs/cqrs';
import { OrderPageView } from './order-page.view';

export class ListOrdersQuery extends Query<OrderPageView> {
  constructor(
    readonly userId: string,
    readonly limit: number,
    readonly cursor?: string,
  ) {
    super();
  }
}
