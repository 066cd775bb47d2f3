import { ApiProperty } from '@nestjs/swagger';

export class OrderLineResponse {
  @ApiProperty({ format: 'uuid' }) productId!: string;
  @ApiProperty({ description: 'Product name when ordered' }) name!: string;
  @ApiProperty({ description: 'Price in won when ordered' }) unitPrice!: number;
  @ApiProperty() quantity!: number;
  @ApiProperty() lineTotal!: number;
}
