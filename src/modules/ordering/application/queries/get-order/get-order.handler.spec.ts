import { NotFoundError } from '../../../../../shared/kernel/not-found.error';
import { ServiceUnavailableError } from '../../../../../shared/kernel/service-unavailable.error';
import { RecordingAuditTrail } from '../../../../../shared/kernel/testing/recording-audit-trail.fake';
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
  shippingAddress: {
    recipient: 'Jane Doe',
    phone: '+821012345678',
    postalCode: '04524',
    line1: '110 Sejong-daero',
    line2: null,
  },
  createdAt: '2025-03-10T12:00:00.000Z',
  cancelledAt: null,
  fulfillment: { status: 'READY' },
};

describe(GetOrderHandler.name, () => {
  let orders: InMemoryOrderReadModel;
  let audit: RecordingAuditTrail;
  let sut: GetOrderHandler;

  beforeEach(() => {
    orders = new InMemoryOrderReadModel();
    orders.put('user-1', ORDER);
    audit = new RecordingAuditTrail();
    sut = new GetOrderHandler(orders, audit);
  });

  it('shows the owner their order, unaudited', async () => {
    expect(await sut.execute(new GetOrderQuery('order-1', 'user-1', false))).toEqual(ORDER);
    expect(audit.entries).toEqual([]);
  });

  it("shows an admin anyone's order after recording the access", async () => {
    expect(await sut.execute(new GetOrderQuery('order-1', 'admin-1', true))).toEqual(ORDER);
    expect(audit.entries).toEqual([
      expect.objectContaining({
        kind: 'access',
        actor: { userId: 'admin-1', role: 'ADMIN' },
        action: 'admin.order.read',
        subjectUserId: 'user-1',
        resource: 'order:order-1',
      }),
    ]);
  });

  it('fails closed: no order for an admin when the access cannot be recorded', async () => {
    audit.failAccess = true;
    await expect(sut.execute(new GetOrderQuery('order-1', 'admin-1', true))).rejects.toBeInstanceOf(
      ServiceUnavailableError,
    );
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
