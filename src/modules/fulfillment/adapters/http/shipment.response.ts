import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { SHIPMENT_STATUSES } from '../../domain/shipment-status';

export class ShipmentResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) orderId!: string;
  @ApiProperty({ enum: SHIPMENT_STATUSES }) status!: string;
  @ApiPropertyOptional({ description: 'Set once shipped' }) carrier?: string;
  @ApiPropertyOptional({ description: 'Set once shipped' }) trackingNumber?: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiPropertyOptional({ format: 'date-time' }) shippedAt?: string;
  @ApiPropertyOptional({ format: 'date-time' }) deliveredAt?: string;
}
