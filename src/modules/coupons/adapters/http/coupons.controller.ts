import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { AuthenticatedUser } from '../../../../platform/auth/authenticated-user';
import { CurrentUser } from '../../../../platform/auth/current-user.decorator';
import { Public } from '../../../../platform/auth/public.decorator';
import { Roles } from '../../../../platform/auth/roles.decorator';
import { ResourceIdPipe } from '../../../../platform/http/resource-id.pipe';
import { ApiProblems } from '../../../../platform/http/api-problems.decorator';
import { CreateCouponCommand } from '../../application/commands/create-coupon/create-coupon.command';
import { IssueCouponCommand } from '../../application/commands/issue-coupon/issue-coupon.command';
import { GetCouponQuery } from '../../application/queries/get-coupon/get-coupon.query';
import { CouponResponse } from './coupon.response';
import { IssuedCouponResponse } from './issued-coupon.response';
import { CreateCouponRequest } from './create-coupon.request';

/** Ids are opaque: a malformed one is just not found, as in every other route. */
const couponId = new ResourceIdPipe('Coupon');
@ApiTags('coupons')
@Controller('coupons')
export class CouponsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post()
  @Roles('ADMIN')
  @ApiBearerAuth()
  @ApiOperation({
    summary: 'Create a coupon issue (admin)',
    description:
      'Admin only. A FIXED or PERCENT discount (PERCENT may be capped by `maxDiscount`), a minimum order amount, a total quantity and a validity window.',
  })
  @ApiCreatedResponse({ type: CouponResponse })
  @ApiProblems(400, 401, 403, 413, 429, 503)
  create(@Body() body: CreateCouponRequest): Promise<CouponResponse> {
    return this.commands.execute(
      new CreateCouponCommand({
        name: body.name,
        discountType: body.discountType,
        discountValue: body.discountValue,
        maxDiscount: body.maxDiscount ?? null,
        minOrderAmount: body.minOrderAmount,
        totalQuantity: body.totalQuantity,
        validFrom: new Date(body.validFrom),
        validUntil: new Date(body.validUntil),
      }),
    );
  }

  @Public()
  @Get(':id')
  @ApiOperation({
    summary: 'A coupon issue with the quantity left (may lag issuing by ~1 s)',
    description:
      'The coupon issue as created, with `remainingQuantity`, read from a replica. Public; an unknown id is 404.',
  })
  @ApiOkResponse({ type: CouponResponse })
  @ApiProblems(404, 429)
  get(@Param('id', couponId) id: string): Promise<CouponResponse> {
    return this.queries.execute(new GetCouponQuery(id));
  }

  @Post(':id/issue')
  @ApiBearerAuth()
  @ApiOperation({
    summary:
      'Take one coupon of the issue: first come, first served, at most one per user, never more than totalQuantity',
    description:
      'Issues one coupon of the issue to the caller. Exactly `totalQuantity` are ever issued, however many ask at once; a second request of the same user is 409 COUPON_ALREADY_ISSUED.',
  })
  @ApiCreatedResponse({ type: IssuedCouponResponse })
  @ApiProblems(
    401,
    404,
    { status: 409, codes: ['COUPON_SOLD_OUT', 'COUPON_ALREADY_ISSUED', 'COUPON_NOT_USABLE'] },
    429,
    503,
  )
  issue(
    @Param('id', couponId) id: string,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<IssuedCouponResponse> {
    return this.commands.execute(new IssueCouponCommand(id, user.id));
  }
}
