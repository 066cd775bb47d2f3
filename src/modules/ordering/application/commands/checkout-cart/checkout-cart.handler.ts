import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '../../../../../shared/kernel/unit-of-work.port';
import { ValidationError } from '../../../../../shared/kernel/validation.error';
import { CartContents } from '../../../../cart/application/ports/cart-contents.port';
import { OrderView } from '../../queries/get-order/order.view';
import { ShippingAddressResolver } from '../../services/shipping-address-resolver.service';
import { OrderPlacement } from '../../services/order-placement.service';
import { CheckoutCartCommand } from './checkout-cart.command';

/** POST /cart/checkout: an order of the cart's lines, and the cart emptied, in one transaction. */
@CommandHandler(CheckoutCartCommand)
export class CheckoutCartHandler implements ICommandHandler<CheckoutCartCommand, OrderView> {
  constructor(
    private readonly cart: CartContents,
    private readonly placement: OrderPlacement,
    private readonly addresses: ShippingAddressResolver,
    private readonly unitOfWork: UnitOfWork,
  ) {}

  async execute(command: CheckoutCartCommand): Promise<OrderView> {
    const shippingAddress = await this.addresses.resolve(command.userId, command.delivery);
    return this.unitOfWork.run(async () => {
      // Locks the cart rows first: a concurrent cart change waits for this checkout.
      const lines = await this.cart.linesForCheckout(command.userId);
      if (lines.length === 0)
        throw new ValidationError([{ field: 'cart', message: 'the cart is empty' }]);
      const order = await this.placement.place({
        userId: command.userId,
        items: lines,
        userCouponId: command.userCouponId,
        pointsToUse: command.pointsToUse,
        shippingAddress,
      });
      await this.cart.clear(command.userId);
      return order;
    });
  }
}
