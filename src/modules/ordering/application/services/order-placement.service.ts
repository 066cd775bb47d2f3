import { Clock } from '../../../../shared/kernel/clock.port';
import { EventOutbox } from '../../../../shared/kernel/event-outbox.port';
import { Money } from '../../../../shared/kernel/money';
import { IdGenerator } from '../../../../shared/kernel/id-generator.port';
import { PostalAddress } from '../../../../shared/kernel/postal-address.value-object';
import { CouponRedemptions } from '../../../coupons/application/ports/coupon-redemptions.port';
import { ProductStock } from '../../../catalog/application/ports/product-stock.port';
import { WalletPayments } from '../../../wallet/application/ports/wallet-payments.port';
import { Order, OrderItem } from '../../domain/order.aggregate';
import { OrderRepository } from '../ports/order.repository.port';
import { OrderView } from '../queries/get-order/order.view';
import { toOrderView } from '../queries/get-order/order-view.mapper';

export interface PlacementRequest {
  readonly userId: string;
  readonly items: readonly OrderItem[];
  readonly userCouponId?: string;
  readonly pointsToUse?: number;
  /** Resolved before the transaction (ShippingAddressResolver); the order keeps its own copy. */
  readonly shippingAddress: PostalAddress;
}

/**
 * The steps of placing an order, inside the caller's transaction. Locks are
 * taken in one global order — user coupon, wallet, then products by id — and
 * the hot product rows last, so they are held only for the tail of the
 * transaction. Any failure throws and the caller's transaction rolls back.
 */
export class OrderPlacement {
  constructor(
    private readonly stock: ProductStock,
    private readonly coupons: CouponRedemptions,
    private readonly wallet: WalletPayments,
    private readonly orders: OrderRepository,
    private readonly outbox: EventOutbox,
    private readonly ids: IdGenerator,
    private readonly clock: Clock,
  ) {}

  async place(request: PlacementRequest): Promise<OrderView> {
    Order.validateItems(request.items);
    const orderId = this.ids.next();
    const now = this.clock.now();
    // 1. Current prices, no lock (the price at this point in the transaction is the price paid);
    //    stock already short fails here, before any lock is taken.
    const snapshots = await this.stock.snapshots(request.items);
    const lines = snapshots.map((snapshot, index) => ({
      ...snapshot,
      quantity: request.items[index]!.quantity,
    }));
    // 2. Coupon (locks the user coupon).
    let discount = Money.ZERO;
    let usedCoupon: string | null = null;
    if (request.userCouponId) {
      const redemption = await this.coupons.redeem({
        userCouponId: request.userCouponId,
        userId: request.userId,
        orderId,
        subtotal: Order.subtotalOf(lines),
        at: now,
      });
      discount = redemption.discount;
      if (redemption.applied) usedCoupon = request.userCouponId;
    }
    const order = Order.place({
      id: orderId,
      userId: request.userId,
      lines,
      discount,
      pointsToUse: request.pointsToUse ?? 0,
      userCouponId: usedCoupon,
      shippingAddress: request.shippingAddress,
      now,
    });
    // 3. Points and balance (locks the wallet).
    await this.wallet.pay({
      userId: order.userId,
      orderId,
      amount: order.paidAmount,
      pointsUsed: order.pointsUsed,
      pointsEarned: order.pointsEarned,
      at: now,
    });
    // 4. The address copy (no FK to orders: it may precede the order row in this transaction).
    await this.orders.addShippingAddress(order);
    // 5. Stock (locks products in id order), then the order, its lines and its events.
    await this.stock.take(request.items);
    await this.orders.add(order);
    await this.outbox.append(order.pullEvents());
    return toOrderView(order);
  }
}
