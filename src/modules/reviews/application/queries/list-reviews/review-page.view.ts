import { ReviewView } from './review.view';

export interface ReviewPageView {
  readonly items: ReviewView[];
  readonly nextCursor: string | null;
}
