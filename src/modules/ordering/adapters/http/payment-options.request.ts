import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';

/** The most points one request may name (the compiled check of PlaceOrderRequest applies the same). */
export const MAX_POINTS_TO_USE = 100_000_000;

export class PaymentOptionsRequest {
  @ApiPropertyOptional({
    format: 'uuid',
    description: 'An AVAILABLE coupon of the caller (GET /users/me/coupons)',
  })
  @IsOptional()
  @IsUUID()
  userCouponId?: string;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 0,
    description: 'Points to spend; at most the points held and what is left to pay',
    default: 0,
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_POINTS_TO_USE)
  pointsToUse?: number;
}
