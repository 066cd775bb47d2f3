import { NotFoundError } from '../../../../shared/kernel/not-found.error';
import { UnitOfWork } from '../../../../shared/kernel/unit-of-work.port';
import { OrderProgress, ShippedParcel } from '../ports/order-progress.port';
import { OrderRepository } from '../ports/order.repository.port';

/** OrderProgress on the Order aggregate: the state machine decides, the row lock serializes. */
export class OrderProgressService extends OrderProgress {
  constructor(
    private readonly orders: OrderRepository,
    private readonly unitOfWork: UnitOfWork,
  ) {
    super();
  }

  shipped(orderId: string, parcel: ShippedParcel, at: Date): Promise<void> {
    return this.unitOfWork.run(async () => {
      const order = await this.orders.findForUpdate(orderId);
      if (!order) throw new NotFoundError('Order', orderId);
      order.ship(parcel, at);
      await this.orders.saveStatus(order);
    });
  }

  delivered(orderId: string, at: Date): Promise<void> {
    return this.unitOfWork.run(async () => {
      const order = await this.orders.findForUpdate(orderId);
      if (!order) throw new NotFoundError('Order', orderId);
      order.deliver(at);
      await this.orders.saveStatus(order);
      // The owner reads their order's new state (and return window) at once.
      this.unitOfWork.attributeTo(order.userId);
    });
  }
}
