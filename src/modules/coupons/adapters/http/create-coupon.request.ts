import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  Min,
} from 'class-validator';
import { trimString } from '../../../../platform/http/trim.transform';

/** A date-time with an explicit offset, so every instance reads the same instant. */
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/;
const WON_MAX = 1_000_000_000;

export class CreateCouponRequest {
  @ApiProperty({ example: 'Welcome 10% off', minLength: 1, maxLength: 100 })
  @Transform(trimString)
  @IsString()
  @Length(1, 100)
  name!: string;

  @ApiProperty({ enum: ['FIXED', 'PERCENT'], example: 'PERCENT' })
  @IsIn(['FIXED', 'PERCENT'])
  discountType!: 'FIXED' | 'PERCENT';

  @ApiProperty({
    type: 'integer',
    example: 10,
    minimum: 1,
    maximum: WON_MAX,
    description: 'Won off (FIXED) or percent of the subtotal, 1..100 (PERCENT)',
  })
  @IsInt()
  @Min(1)
  @Max(WON_MAX)
  discountValue!: number;

  @ApiPropertyOptional({
    type: 'integer',
    example: 5000,
    minimum: 1,
    maximum: WON_MAX,
    nullable: true,
    description: 'PERCENT only: most won taken off',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(WON_MAX)
  maxDiscount?: number | null;

  @ApiProperty({
    type: 'integer',
    example: 30000,
    minimum: 0,
    maximum: WON_MAX,
    description: 'Smallest subtotal (won) the discount applies to',
  })
  @IsInt()
  @Min(0)
  @Max(WON_MAX)
  minOrderAmount!: number;

  @ApiProperty({ type: 'integer', example: 100, minimum: 1, maximum: 1_000_000 })
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  totalQuantity!: number;

  @ApiProperty({
    example: '2026-01-01T00:00:00.000Z',
    description: 'ISO-8601 date-time with offset',
  })
  @IsISO8601({ strict: true })
  @Matches(DATE_TIME, { message: 'validFrom must be an ISO-8601 date-time with an offset' })
  validFrom!: string;

  @ApiProperty({
    example: '2026-02-01T00:00:00.000Z',
    description:
      'ISO-8601 date-time with offset, after validFrom; the coupon expires at this instant',
  })
  @IsISO8601({ strict: true })
  @Matches(DATE_TIME, { message: 'validUntil must be an ISO-8601 date-time with an offset' })
  validUntil!: string;
}
