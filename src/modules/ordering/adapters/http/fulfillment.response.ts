import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** The order's parcel as the customer follows it. */
export class FulfillmentResponse {
  @ApiProperty({ enum: ['READY', 'SHIPPED', 'DELIVERED'] }) status!: string;
  @ApiPropertyOptional({ example: 'CJ Logistics' }) carrier?: string;
  @ApiPropertyOptional({ example: '6012-3456-7890' }) trackingNumber?: string;
  @ApiPropertyOptional({ format: 'date-time' }) shippedAt?: string;
  @ApiPropertyOptional({ format: 'date-time' }) deliveredAt?: string;
}
