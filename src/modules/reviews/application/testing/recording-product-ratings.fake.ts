import { ImmediateUnitOfWork } from '../../../../shared/kernel/testing/immediate-unit-of-work.fake';
import {
  ProductRatings,
  RatingChange,
} from '../../../catalog/application/ports/product-ratings.port';

/** Rating totals per product, changed only inside a fake transaction and rolled back with it. */
export class RecordingProductRatings extends ProductRatings {
  private totals = new Map<string, { sum: number; count: number }>();

  constructor(private readonly unitOfWork: ImmediateUnitOfWork) {
    super();
    unitOfWork.enlist({
      checkpoint: () => {
        const saved = new Map(this.totals);
        return () => {
          this.totals = saved;
        };
      },
    });
  }

  of(productId: string): { sum: number; count: number } {
    return this.totals.get(productId) ?? { sum: 0, count: 0 };
  }

  add(productId: string, change: RatingChange): Promise<void> {
    if (this.unitOfWork.currentTransaction === undefined)
      throw new Error('ProductRatings.add outside a transaction');
    const now = this.of(productId);
    this.totals.set(productId, { sum: now.sum + change.sum, count: now.count + change.count });
    return Promise.resolve();
  }
}
