import { ApiProperty } from '@nestjs/swagger';
import { IsInt, IsString, IsUUID, Length, Max, Min } from 'class-validator';
import { ReviewLimits } from '../../domain/review-limits';

export class PostReviewRequest {
  @ApiProperty({
    format: 'uuid',
    example: '0193a1f2-7c4e-7b1a-9d2e-5f6a7b8c9d0e',
    description: 'A delivered order of the caller that has a line of this product',
  })
  @IsUUID()
  orderId!: string;

  @ApiProperty({ type: 'integer', minimum: 1, maximum: 5, example: 5 })
  @IsInt()
  @Min(ReviewLimits.rating.min)
  @Max(ReviewLimits.rating.max)
  rating!: number;

  @ApiProperty({
    minLength: ReviewLimits.textLength.min,
    maxLength: ReviewLimits.textLength.max,
    example: 'Fresh beans, fast delivery. <b>Would buy again</b>',
    description:
      'Stored and returned exactly as given (JSON-escaped, never rendered); not only spaces',
  })
  @IsString()
  @Length(ReviewLimits.textLength.min, ReviewLimits.textLength.max)
  text!: string;
}
