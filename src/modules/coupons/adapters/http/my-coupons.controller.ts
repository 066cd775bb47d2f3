import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthenticatedUser } from '../../../../platform/auth/authenticated-user';
import { CurrentUser } from '../../../../platform/auth/current-user.decorator';
import { ApiProblems } from '../../../../platform/http/api-problems.decorator';
import { PageQuery } from '../../../../platform/http/page.query';
import { ListMyCouponsQuery } from '../../application/queries/list-my-coupons/list-my-coupons.query';
import { UserCouponListResponse } from './user-coupon-list.response';

@ApiTags('coupons')
@ApiBearerAuth()
@Controller('users/me/coupons')
export class MyCouponsController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @ApiOperation({
    summary: 'The caller’s coupons, newest first (reads its own writes even from lagging replicas)',
    description:
      'Coupons issued to the caller with their status: AVAILABLE, USED (with the order) or EXPIRED once `validUntil` has passed.',
  })
  @ApiOkResponse({ type: UserCouponListResponse })
  @ApiProblems(400, 401, 429)
  list(
    @CurrentUser() user: AuthenticatedUser,
    @Query() page: PageQuery,
  ): Promise<UserCouponListResponse> {
    return this.queries.execute(new ListMyCouponsQuery(user.id, page.limit, page.cursor));
  }
}
