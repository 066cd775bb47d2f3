import { ApiProperty } from '@nestjs/swagger';
import { UserCouponResponse } from './user-coupon.response';

export class UserCouponListResponse {
  @ApiProperty({ type: [UserCouponResponse] }) items!: UserCouponResponse[];
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'Pass as `cursor` for the next page; null on the last page',
  })
  nextCursor!: string | null;
}
