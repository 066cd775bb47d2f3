import { Query } from '@nestjs/cqrs';
import { ReviewPageView } from './review-page.view';
import { ReviewSort } from './review-sort';

export class ListReviewsQuery extends Query<ReviewPageView> {
  constructor(
    readonly productId: string,
    readonly sort: ReviewSort,
    readonly limit: number,
    readonly cursor?: string,
  ) {
    super();
  }
}
