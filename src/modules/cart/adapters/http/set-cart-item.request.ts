import { ApiProperty } from '@nestjs/swagger';
import { IsInt, Max, Min } from 'class-validator';
import { CartLimits } from '../../domain/cart-limits';

export class SetCartItemRequest {
  @ApiProperty({
    type: 'integer',
    example: 2,
    minimum: CartLimits.quantity.min,
    maximum: CartLimits.quantity.max,
    description: 'The new quantity of the line (replaces, does not add)',
  })
  @IsInt()
  @Min(CartLimits.quantity.min)
  @Max(CartLimits.quantity.max)
  quantity!: number;
}
