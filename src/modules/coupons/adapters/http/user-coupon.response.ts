import { ApiProperty } from '@nestjs/swagger';

export class UserCouponResponse {
  @ApiProperty({ example: '01935f60-0000-7000-8000-000000000001' }) userCouponId!: string;
  @ApiProperty({ example: '01935f5e-8c1a-7b3e-9c41-2a4f5d6e7f80' }) couponId!: string;
  @ApiProperty({ example: 'Welcome 10% off' }) name!: string;
  @ApiProperty({ enum: ['FIXED', 'PERCENT'], example: 'PERCENT' }) discountType!: string;
  @ApiProperty({ example: 10 }) discountValue!: number;
  @ApiProperty({ example: 5000, nullable: true, type: Number }) maxDiscount!: number | null;
  @ApiProperty({ example: 30000 }) minOrderAmount!: number;
  @ApiProperty({
    enum: ['AVAILABLE', 'USED', 'EXPIRED'],
    description: 'EXPIRED as soon as validUntil has passed',
  })
  status!: string;
  @ApiProperty({ example: '2026-02-01T00:00:00.000Z' }) validUntil!: string;
  @ApiProperty({ example: '2026-01-05T10:00:00.000Z' }) issuedAt!: string;
  @ApiProperty({ example: null, nullable: true, type: String }) usedAt!: string | null;
  @ApiProperty({ example: null, nullable: true, type: String }) orderId!: string | null;
}
