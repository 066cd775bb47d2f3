import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { PageQuery } from '../../../../platform/http/page.query';
import { REVIEW_SORTS, type ReviewSort } from '../../application/queries/list-reviews/review-sort';

/** `?sort=&limit=&cursor=` of a product's reviews. */
export class ListReviewsRequest extends PageQuery {
  @ApiPropertyOptional({
    enum: REVIEW_SORTS,
    default: 'newest',
    description: 'newest first, or most helpful votes first (then newest)',
  })
  @IsOptional()
  @IsIn(REVIEW_SORTS)
  sort: ReviewSort = 'newest';
}
