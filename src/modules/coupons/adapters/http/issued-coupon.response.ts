import { ApiProperty } from '@nestjs/swagger';

export class IssuedCouponResponse {
  @ApiProperty({ example: '01935f60-0000-7000-8000-000000000001' }) userCouponId!: string;
  @ApiProperty({ example: '01935f5e-8c1a-7b3e-9c41-2a4f5d6e7f80' }) couponId!: string;
  @ApiProperty({ enum: ['AVAILABLE'] }) status!: 'AVAILABLE';
  @ApiProperty({ example: '2026-02-01T00:00:00.000Z' }) validUntil!: string;
}
