import { ApiProperty } from '@nestjs/swagger';
import { CartItemResponse } from './cart-item.response';

export class CartResponse {
  @ApiProperty({
    type: [CartItemResponse],
    description: 'In the order the products were first added (then by product id)',
  })
  items!: CartItemResponse[];
  @ApiProperty({
    example: 48_000,
    description: 'Sum of lineTotal over available lines only: what checkout could charge now',
  })
  total!: number;
}
