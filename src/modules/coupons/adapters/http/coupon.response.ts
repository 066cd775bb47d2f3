import { ApiProperty } from '@nestjs/swagger';

export class CouponResponse {
  @ApiProperty({ example: '01935f5e-8c1a-7b3e-9c41-2a4f5d6e7f80' }) id!: string;
  @ApiProperty({ example: 'Welcome 10% off' }) name!: string;
  @ApiProperty({ enum: ['FIXED', 'PERCENT'], example: 'PERCENT' }) discountType!: string;
  @ApiProperty({ example: 10 }) discountValue!: number;
  @ApiProperty({ example: 5000, nullable: true, type: Number }) maxDiscount!: number | null;
  @ApiProperty({ example: 30000 }) minOrderAmount!: number;
  @ApiProperty({ example: 100 }) totalQuantity!: number;
  @ApiProperty({
    example: 42,
    description: 'Coupons left to issue; from a replica, up to about a second old',
  })
  remainingQuantity!: number;
  @ApiProperty({ example: '2026-01-01T00:00:00.000Z' }) validFrom!: string;
  @ApiProperty({ example: '2026-02-01T00:00:00.000Z' }) validUntil!: string;
  @ApiProperty({ example: '2025-12-20T09:00:00.000Z' }) createdAt!: string;
}
