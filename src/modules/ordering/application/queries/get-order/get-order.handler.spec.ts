import { NotFoundError } from '../../../../../shared/kernel/not-found.error';
import { InMemoryOrderReadModel } from '../../testing/in-memory-order.read-model.fake';
import { GetOrderHandler } from './get-order.handler';
import { GetOrderQuery } from './get-order.query';
import { OrderView } from './order.view';

const ORDER: OrderView = {
  id: 'order-1',
  status: 'PAID',
  items: [{ productId: 'p-1', name: 'Mug', unitPrice: 12_000, quantity: 1, lineTotal: 12_000 }],
  subtotal: 12_000,
  discount: 0,
  pointsUsed: 0,
  paidAmount: 12_000,
  pointsEarned: 120,
  userCouponId: null,
  createdAt: '2025-03-10T12:00:00.000Z',
  cancelledAt: null,
};

describe(GetOrderHandler.name, () => {
  let orders: InMemoryOrderReadModel;
  let sut: GetOrderHandler;

  beforeEach(() => {
    orders = new InMemoryOrderReadModel();
    orders.put('user-1', ORDER);
    sut = new GetOrderHandler(orders);
  });

  it('shows the owner their order', async () => {
    expect(await sut.execute(new GetOrderQuery('order-1', 'user-1', false))).toEqual(ORDER);
  });

  it("shows an admin anyone's order", async () => {
    expect(await sut.execute(new GetOrderQuery('order-1', 'admin-1', true))).toEqual(ORDER);
  });

  it('answers NOT_FOUND to another customer', async () => {
    await expect(sut.execute(new GetOrderQuery('order-1', 'user-2', false))).rejects.toBeInstanceOf(
      NotFoundError,
    );
  });

  it('answers NOT_FOUND for an order that does not exist', async () => {
    await expect(
      sut.execute(new GetOrderQuery('order-404', 'admin-1', true)),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
