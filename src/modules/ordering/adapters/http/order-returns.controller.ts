import { Body, Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import type { AuthenticatedUser } from '../../../../platform/auth/authenticated-user';
import { CurrentUser } from '../../../../platform/auth/current-user.decorator';
import { ApiProblems } from '../../../../platform/http/api-problems.decorator';
import { ResourceIdPipe } from '../../../../platform/http/resource-id.pipe';
import { Idempotent } from '../../../../platform/idempotency/idempotent.decorator';
import { RequestReturnCommand } from '../../application/commands/request-return/request-return.command';
import { RequestReturnRequest } from './request-return.request';
import { ReturnResponse } from './return.response';
import { ReturnMetrics } from './returns.metrics';

@ApiTags('returns')
@ApiBearerAuth()
@Controller('orders')
export class OrderReturnsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly metrics: ReturnMetrics,
  ) {}

  @Post(':id/returns')
  @Idempotent()
  @ApiOperation({
    summary: 'Return units of a delivered order (owner), within the return window',
    description:
      "Within RETURN_WINDOW_DAYS (default 14) of delivery, the owner asks to return some or all units of some lines; the units are reserved at once (concurrent requests never return more than was bought) and the order becomes RETURN_REQUESTED. An admin approves on receipt (`POST /admin/returns/{id}/approve`) or rejects a return that never arrives (`POST /admin/returns/{id}/reject`: units released, no refund). `refundAmount` is the refund if approved next: the return's share of what was paid, floor(paidAmount × returned value / subtotal) cumulatively (docs/ordering.md). 409 RETURN_NOT_ALLOWED: not delivered, window over, product not in the order, or more than is left. Requires an Idempotency-Key.",
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiCreatedResponse({ type: ReturnResponse })
  @ApiProblems(
    400,
    401,
    404,
    { status: 409, codes: ['RETURN_NOT_ALLOWED', 'IDEMPOTENCY_IN_PROGRESS'] },
    422,
    429,
    503,
  )
  async request(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', new ResourceIdPipe('Order')) id: string,
    @Body() body: RequestReturnRequest,
  ): Promise<ReturnResponse> {
    const requested = await this.commands.execute(
      new RequestReturnCommand(
        id,
        user.id,
        body.items.map((item) => ({
          productId: item.productId.toLowerCase(),
          quantity: item.quantity,
        })),
        body.reason,
      ),
    );
    this.metrics.counted('requested');
    return requested;
  }
}
