import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsInt,
  IsOptional,
  IsUUID,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { OrderingLimits } from '../../domain/ordering-limits';

export class OrderItemRequest {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  productId!: string;

  @ApiProperty({
    minimum: OrderingLimits.quantity.min,
    maximum: OrderingLimits.quantity.max,
    example: 1,
  })
  @IsInt()
  @Min(OrderingLimits.quantity.min)
  @Max(OrderingLimits.quantity.max)
  quantity!: number;
}

export class PaymentOptionsRequest {
  @ApiPropertyOptional({
    format: 'uuid',
    description: 'An AVAILABLE coupon of the caller (GET /users/me/coupons)',
  })
  @IsOptional()
  @IsUUID()
  userCouponId?: string;

  @ApiPropertyOptional({
    minimum: 0,
    description: 'Points to spend; at most the points held and what is left to pay',
    default: 0,
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100_000_000)
  pointsToUse?: number;
}

export class PlaceOrderRequest extends PaymentOptionsRequest {
  @ApiProperty({
    type: [OrderItemRequest],
    minItems: OrderingLimits.lines.min,
    maxItems: OrderingLimits.lines.max,
    description: 'Distinct products',
  })
  @IsArray()
  @ArrayMinSize(OrderingLimits.lines.min)
  @ArrayMaxSize(OrderingLimits.lines.max)
  @ValidateNested({ each: true })
  @Type(() => OrderItemRequest)
  items!: OrderItemRequest[];
}

export class BestSellersRequest {
  @ApiPropertyOptional({
    minimum: 1,
    maximum: 30,
    default: 3,
    description: 'Window in UTC days, today included',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(30)
  days: number = 3;

  @ApiPropertyOptional({ minimum: 1, maximum: 50, default: 5 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(50)
  limit: number = 5;
}
