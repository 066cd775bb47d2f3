import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsString,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { RETURN_REASON_LENGTH } from '../../domain/order-return.aggregate';
import { OrderingLimits } from '../../domain/ordering-limits';
import { OrderItemRequest } from './order-item.request';

export class RequestReturnRequest {
  @ApiProperty({
    type: [OrderItemRequest],
    minItems: OrderingLimits.lines.min,
    maxItems: OrderingLimits.lines.max,
    description:
      'Distinct products of the order and how many units of each come back (at most what is not yet under a return)',
    example: [{ productId: '0190f5a2-7c1e-7b3a-9d2e-4f5a6b7c8d9e', quantity: 1 }],
  })
  @IsArray()
  @ArrayMinSize(OrderingLimits.lines.min)
  @ArrayMaxSize(OrderingLimits.lines.max)
  @ValidateNested({ each: true })
  @Type(() => OrderItemRequest)
  items!: OrderItemRequest[];

  @ApiProperty({
    minLength: RETURN_REASON_LENGTH.min,
    maxLength: RETURN_REASON_LENGTH.max,
    example: 'Too small',
  })
  @IsString()
  @MinLength(RETURN_REASON_LENGTH.min)
  @MaxLength(RETURN_REASON_LENGTH.max)
  reason!: string;
}
