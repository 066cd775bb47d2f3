import { Query } from '@nestjs/cqrs';
import { BestSellersView } from './best-sellers.view';

export class GetBestSellersQuery extends Query<BestSellersView> {
  constructor(
    /** Window length in days, today included (1..30). */
    readonly days: number,
    readonly limit: number,
  ) {
    super();
  }
}
