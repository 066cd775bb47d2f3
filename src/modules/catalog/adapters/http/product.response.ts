import { ApiProperty } from '@nestjs/swagger';
import { PRODUCT_STATUSES } from '../../domain/product-status';

export class ProductResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() description!: string;
  @ApiProperty({ description: 'Won' }) price!: number;
  @ApiProperty() stock!: number;
  @ApiProperty({ format: 'uuid' }) categoryId!: string;
  @ApiProperty({ enum: PRODUCT_STATUSES }) status!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}
