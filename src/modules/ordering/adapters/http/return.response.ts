import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { RETURN_STATUSES } from '../../domain/return-status';
import { ReturnItemResponse } from './return-item.response';

export class ReturnResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) orderId!: string;
  @ApiProperty({ enum: RETURN_STATUSES, example: 'REQUESTED' }) status!: string;
  @ApiProperty({ type: [ReturnItemResponse] }) items!: readonly ReturnItemResponse[];
  @ApiProperty({ example: 'Too small' }) reason!: string;
  @ApiProperty({
    type: 'integer',
    example: 6_667,
    description:
      'Won. REQUESTED: the refund if this return is approved next (its share of what was paid, docs/ordering.md); APPROVED: what went back to the wallet; REJECTED: 0',
  })
  refundAmount!: number;
  @ApiProperty({
    type: 'integer',
    example: 0,
    description: 'Used points given back (0 until approved)',
  })
  pointsRestored!: number;
  @ApiProperty({
    type: 'integer',
    example: 0,
    description: 'Earned points taken back (0 until approved)',
  })
  pointsRevoked!: number;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiPropertyOptional({ format: 'date-time' }) approvedAt?: string;
}
