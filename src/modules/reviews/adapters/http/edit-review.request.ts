import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { ReviewLimits } from '../../domain/review-limits';

/** At least one of the two (400 VALIDATION_FAILED otherwise). */
export class EditReviewRequest {
  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 5, example: 4 })
  @IsOptional()
  @IsInt()
  @Min(ReviewLimits.rating.min)
  @Max(ReviewLimits.rating.max)
  rating?: number;

  @ApiPropertyOptional({
    minLength: ReviewLimits.textLength.min,
    maxLength: ReviewLimits.textLength.max,
    example: 'Still good after a month.',
  })
  @IsOptional()
  @IsString()
  @Length(ReviewLimits.textLength.min, ReviewLimits.textLength.max)
  text?: string;
}
