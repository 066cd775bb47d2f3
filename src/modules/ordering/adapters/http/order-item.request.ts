import { ApiProperty } from '@nestjs/swagger';
import { IsInt, IsUUID, Max, Min } from 'class-validator';
import { OrderingLimits } from '../../domain/ordering-limits';

export class OrderItemRequest {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  productId!: string;

  @ApiProperty({
    type: 'integer',
    minimum: OrderingLimits.quantity.min,
    maximum: OrderingLimits.quantity.max,
    example: 1,
  })
  @IsInt()
  @Min(OrderingLimits.quantity.min)
  @Max(OrderingLimits.quantity.max)
  quantity!: number;
}
