import { ApiProperty } from '@nestjs/swagger';

export class CartItemResponse {
  @ApiProperty({ format: 'uuid' }) productId!: string;
  @ApiProperty({ example: 'Espresso beans 1 kg', description: 'Current product name' })
  name!: string;
  @ApiProperty({ example: 24_000, description: 'Current price in won' }) unitPrice!: number;
  @ApiProperty({ example: 2, minimum: 1, maximum: 100 }) quantity!: number;
  @ApiProperty({
    example: 48_000,
    description: 'unitPrice × quantity (also shown for unavailable lines)',
  })
  lineTotal!: number;
  @ApiProperty({
    description:
      'The product is ACTIVE and its stock covers the quantity; unavailable lines stay in the cart',
  })
  available!: boolean;
}
