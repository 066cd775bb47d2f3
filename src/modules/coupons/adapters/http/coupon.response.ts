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

export class IssuedCouponResponse {
  @ApiProperty({ example: '01935f60-0000-7000-8000-000000000001' }) userCouponId!: string;
  @ApiProperty({ example: '01935f5e-8c1a-7b3e-9c41-2a4f5d6e7f80' }) couponId!: string;
  @ApiProperty({ enum: ['AVAILABLE'] }) status!: 'AVAILABLE';
  @ApiProperty({ example: '2026-02-01T00:00:00.000Z' }) validUntil!: string;
}

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

export class UserCouponListResponse {
  @ApiProperty({ type: [UserCouponResponse] }) items!: UserCouponResponse[];
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'Pass as `cursor` for the next page; null on the last page',
  })
  nextCursor!: string | null;
}
