import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, ValidateNested } from 'class-validator';
import { OrderingLimits } from '../../domain/ordering-limits';
import { OrderItemRequest } from './order-item.request';
import { CheckoutRequest } from './checkout.request';

export class PlaceOrderRequest extends CheckoutRequest {
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
