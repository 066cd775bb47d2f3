import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import type { AuthenticatedUser } from '../../../../platform/auth/authenticated-user';
import { CurrentUser } from '../../../../platform/auth/current-user.decorator';
import { ApiProblems } from '../../../../platform/http/api-problems.decorator';
import { Idempotent } from '../../../../platform/idempotency/idempotent.decorator';
import { PageQuery } from '../../../../platform/http/page.query';
import { ResourceIdPipe } from '../../../../platform/http/resource-id.pipe';
import { CancelOrderCommand } from '../../application/commands/cancel-order/cancel-order.command';
import { PlaceOrderCommand } from '../../application/commands/place-order/place-order.command';
import { GetOrderQuery } from '../../application/queries/get-order/get-order.query';
import { ListOrdersQuery } from '../../application/queries/list-orders/list-orders.query';
import { OrderMetrics } from './order.metrics';
import { deliveryOf } from './checkout.request';
import { PlaceOrderRequest } from './place-order.request';
import { CancelOrderResponse } from './cancel-order.response';
import { OrderPageResponse } from './order-page.response';
import { OrderResponse } from './order.response';

const orderId = new ResourceIdPipe('Order');
export const PLACEMENT_CONFLICTS = [
  'INSUFFICIENT_STOCK',
  'PRODUCT_UNAVAILABLE',
  'INSUFFICIENT_BALANCE',
  'INSUFFICIENT_POINTS',
  'COUPON_NOT_USABLE',
  'IDEMPOTENCY_IN_PROGRESS',
];

@ApiTags('orders')
@ApiBearerAuth()
@Controller('orders')
export class OrdersController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    private readonly metrics: OrderMetrics,
  ) {}

  @Post()
  @Idempotent()
  @ApiOperation({
    summary:
      'Place and pay an order from the wallet: stock, coupon, points, balance and the order change in one transaction',
    description:
      "Prices come from the catalog at the time of the order; the coupon's discount applies when its minimum is met; `pointsToUse` (default 0) is taken before the balance; 1% of the paid amount is earned as points. Everything commits together or not at all. Requires an Idempotency-Key: the same key and body replay the first response.",
  })
  @ApiCreatedResponse({ type: OrderResponse })
  @ApiProblems(400, 401, 404, { status: 409, codes: PLACEMENT_CONFLICTS }, 413, 422, 429, 503)
  async place(
    @CurrentUser() user: AuthenticatedUser,
    @Body() body: PlaceOrderRequest,
  ): Promise<OrderResponse> {
    const order = await this.commands.execute(
      new PlaceOrderCommand(
        user.id,
        deliveryOf(body),
        body.items.map((item) => ({
          productId: item.productId.toLowerCase(),
          quantity: item.quantity,
        })),
        body.userCouponId?.toLowerCase(),
        body.pointsToUse,
      ),
    );
    this.metrics.placed('orders');
    return order;
  }

  @Get()
  @ApiOperation({
    summary: 'The caller’s orders, newest first',
    description: "Keyset-paginated list of the caller's own orders with their lines and amounts.",
  })
  @ApiOkResponse({ type: OrderPageResponse })
  @ApiProblems(400, 401, 429)
  list(
    @CurrentUser() user: AuthenticatedUser,
    @Query() query: PageQuery,
  ): Promise<OrderPageResponse> {
    return this.queries.execute(new ListOrdersQuery(user.id, query.limit, query.cursor));
  }

  @Get(':id')
  @ApiOperation({
    summary: 'One order (owner or admin; others get 404), current even right after placing it',
    description:
      'The order with its lines and amounts. Other users get 404, as for an unknown id. Visible right after `POST /orders` returns, however far replicas lag.',
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: OrderResponse })
  @ApiProblems(401, 404, 429)
  get(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', orderId) id: string,
  ): Promise<OrderResponse> {
    return this.queries.execute(new GetOrderQuery(id, user.id, user.role === 'ADMIN'));
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Cancel a PAID order (owner or admin): restock, refund, restore used points, revoke earned points, coupon back if still valid',
    description:
      'Only PAID orders can be cancelled (409 ORDER_NOT_CANCELLABLE otherwise). Stock, wallet balance, used points and the coupon come back in one transaction; earned points are revoked (409 POINTS_ALREADY_SPENT if they are no longer held).',
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: CancelOrderResponse })
  @ApiProblems(
    401,
    404,
    { status: 409, codes: ['ORDER_NOT_CANCELLABLE', 'POINTS_ALREADY_SPENT'] },
    429,
  )
  async cancel(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', orderId) id: string,
  ): Promise<CancelOrderResponse> {
    const result = await this.commands.execute(
      new CancelOrderCommand(id, user.id, user.role === 'ADMIN'),
    );
    this.metrics.cancelled();
    return result;
  }
}
