import { ApiProperty, getSchemaPath } from '@nestjs/swagger';

export class OrderLineResponse {
  @ApiProperty({ format: 'uuid' }) productId!: string;
  @ApiProperty({ description: 'Product name when ordered' }) name!: string;
  @ApiProperty({ description: 'Price in won when ordered' }) unitPrice!: number;
  @ApiProperty() quantity!: number;
  @ApiProperty() lineTotal!: number;
}

export class OrderResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: ['PAID', 'CANCELLED'] }) status!: string;
  @ApiProperty({ type: [OrderLineResponse] }) items!: readonly OrderLineResponse[];
  @ApiProperty() subtotal!: number;
  @ApiProperty() discount!: number;
  @ApiProperty() pointsUsed!: number;
  @ApiProperty({ description: 'Taken from the wallet balance' }) paidAmount!: number;
  @ApiProperty({ description: 'floor(1% of paidAmount)' }) pointsEarned!: number;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) userCouponId!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) cancelledAt!: string | null;
}

export class OrderPageResponse {
  @ApiProperty({ type: [OrderResponse] }) items!: readonly OrderResponse[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}

export class CancelOrderResponse {
  @ApiProperty({ enum: ['CANCELLED'] }) status!: 'CANCELLED';
}

export class BestSellerResponse {
  // The catalog's schema, by name: modules do not import each other's adapters.
  @ApiProperty({
    allOf: [{ $ref: getSchemaPath('ProductResponse') }],
    description: 'The product as GET /products/{id} shows it',
  })
  product!: object;
  @ApiProperty({ description: 'Quantity sold in the window, cancelled orders excluded' })
  soldQuantity!: number;
}

export class BestSellersResponse {
  @ApiProperty({ type: [BestSellerResponse] }) items!: readonly BestSellerResponse[];
  @ApiProperty({ format: 'date-time' }) from!: string;
  @ApiProperty({ format: 'date-time' }) to!: string;
}
