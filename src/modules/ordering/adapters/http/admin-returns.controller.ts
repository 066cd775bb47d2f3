import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../../../platform/auth/roles.decorator';
import { ApiProblems } from '../../../../platform/http/api-problems.decorator';
import { ResourceIdPipe } from '../../../../platform/http/resource-id.pipe';
import { ApproveReturnCommand } from '../../application/commands/approve-return/approve-return.command';
import { RejectReturnCommand } from '../../application/commands/reject-return/reject-return.command';
import { ListReturnsQuery } from '../../application/queries/list-returns/list-returns.query';
import { ListReturnsRequest } from './list-returns.request';
import { ReturnPageResponse } from './return-page.response';
import { ReturnResponse } from './return.response';
import { ReturnMetrics } from './returns.metrics';

/** The warehouse (admin only): parcels coming back, their approval on receipt or rejection. */
@ApiTags('returns')
@ApiBearerAuth()
@Roles('ADMIN')
@Controller('admin/returns')
export class AdminReturnsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    private readonly metrics: ReturnMetrics,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'Returns, oldest first, optionally of one status (REQUESTED: parcels to expect)',
    description: 'Admin only. Keyset-paginated, oldest first.',
  })
  @ApiOkResponse({ type: ReturnPageResponse })
  @ApiProblems(400, 401, 403, 429)
  list(@Query() query: ListReturnsRequest): Promise<ReturnPageResponse> {
    return this.queries.execute(new ListReturnsQuery(query.status, query.limit, query.cursor));
  }

  @Post(':id/approve')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Approve a return on receipt: refund to the wallet, stock and points back, in one transaction',
    description:
      "Admin only. The refund is the return's share of what was paid (cumulative floor(paidAmount × returned value / subtotal), so all refunds together never pass paidAmount and a full return refunds it exactly); used points are restored and earned points revoked by the same rule, earned points already spent are withheld from the refund at 1 won each. The order becomes RETURNED (everything back) or PARTIALLY_RETURNED, and the customer gets an e-mail. Approving again answers 200 unchanged and refunds nothing; approving a REJECTED return is 409 RETURN_ALREADY_DECIDED.",
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: ReturnResponse })
  @ApiProblems(401, 403, 404, 409, 429, 503)
  async approve(@Param('id', new ResourceIdPipe('Return')) id: string): Promise<ReturnResponse> {
    const { orderReturn, approved } = await this.commands.execute(new ApproveReturnCommand(id));
    if (approved) this.metrics.counted('approved');
    return orderReturn;
  }

  @Post(':id/reject')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Reject a requested return whose parcel never arrived: its units are released',
    description:
      'Admin only. REQUESTED → REJECTED in one transaction: no refund, no ledger row, no stock or ranking change; the units are released, so the customer may request them again within the return window, and the customer gets an e-mail. The order goes back to DELIVERED (or PARTIALLY_RETURNED after an earlier approval, or stays RETURN_REQUESTED while other returns wait). Rejecting again answers 200 unchanged; rejecting an APPROVED return is 409 RETURN_ALREADY_DECIDED.',
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: ReturnResponse })
  @ApiProblems(401, 403, 404, 409, 429, 503)
  async reject(@Param('id', new ResourceIdPipe('Return')) id: string): Promise<ReturnResponse> {
    const { orderReturn, rejected } = await this.commands.execute(new RejectReturnCommand(id));
    if (rejected) this.metrics.counted('rejected');
    return orderReturn;
  }
}
