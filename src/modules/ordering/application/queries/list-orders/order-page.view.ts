import { OrderView } from '../get-order/order.view';

export interface OrderPageView {
  readonly items: OrderView[];
  readonly nextCursor: string | null;
}
