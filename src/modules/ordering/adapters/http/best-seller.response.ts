import { ApiProperty, getSchemaPath } from '@nestjs/swagger';

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
