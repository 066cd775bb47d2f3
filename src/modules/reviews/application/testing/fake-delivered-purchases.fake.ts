import {
  DeliveredPurchases,
  PurchaseLine,
} from '../../../ordering/application/ports/delivered-purchases.port';

/** The order lines delivered to members, as given by the test. */
export class FakeDeliveredPurchases extends DeliveredPurchases {
  private readonly lines = new Set<string>();

  deliver(line: PurchaseLine): void {
    this.lines.add(`${line.userId}/${line.orderId}/${line.productId}`);
  }

  received(line: PurchaseLine): Promise<boolean> {
    return Promise.resolve(this.lines.has(`${line.userId}/${line.orderId}/${line.productId}`));
  }
}
