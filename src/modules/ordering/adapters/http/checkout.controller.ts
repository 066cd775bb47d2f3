import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthenticatedUser } from '../../../../platform/auth/authenticated-user';
import { CurrentUser } from '../../../../platform/auth/current-user.decorator';
import { ApiProblems } from '../../../../platform/http/api-problems.decorator';
import { Idempotent } from '../../../../platform/idempotency/idempotent.decorator';
import { CheckoutCartCommand } from '../../application/commands/checkout-cart/checkout-cart.command';
import { OrderMetrics } from './order.metrics';
import { CheckoutRequest, deliveryOf } from './checkout.request';
import { OrderResponse } from './order.response';
import { PLACEMENT_CONFLICTS } from './orders.controller';

@ApiTags('orders')
@ApiBearerAuth()
@Controller('cart')
export class CheckoutController {
  constructor(
    private readonly commands: CommandBus,
    private readonly metrics: OrderMetrics,
  ) {}

  @Post('checkout')
  @Idempotent()
  @ApiOperation({
    summary: 'Order the cart’s lines (one transaction) and empty the cart',
    description:
      "Places an order of the cart's available lines exactly like `POST /orders` (coupon, points, wallet, stock in one transaction) and empties the cart in the same transaction. Requires an Idempotency-Key.",
  })
  @ApiCreatedResponse({ type: OrderResponse })
  @ApiProblems(400, 401, 404, { status: 409, codes: PLACEMENT_CONFLICTS }, 413, 422, 429, 503)
  async checkout(
    @CurrentUser() user: AuthenticatedUser,
    @Body() body: CheckoutRequest,
  ): Promise<OrderResponse> {
    const order = await this.commands.execute(
      new CheckoutCartCommand(
        user.id,
        deliveryOf(body),
        body.userCouponId?.toLowerCase(),
        body.pointsToUse,
      ),
    );
    this.metrics.placed('checkout');
    return order;
  }
}
