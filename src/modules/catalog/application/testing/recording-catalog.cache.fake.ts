import { ImmediateUnitOfWork } from '../../../../shared/kernel/testing/immediate-unit-of-work.fake';
import { CatalogCache } from '../ports/catalog-cache.port';

export interface CatalogCacheCall {
  readonly method: 'productsChanged' | 'stockChanged' | 'categoriesChanged';
  readonly productIds: readonly string[];
  /** The transaction running when the eviction was made; undefined after commit. */
  readonly duringTransaction: number | undefined;
  /** The transactions committed by the time of the call. */
  readonly committedBefore: readonly number[];
}

/** Records evictions together with where in the unit of work they happened. */
export class RecordingCatalogCache extends CatalogCache {
  readonly calls: CatalogCacheCall[] = [];

  constructor(private readonly unitOfWork: ImmediateUnitOfWork) {
    super();
  }

  async productsChanged(productIds: readonly string[]): Promise<void> {
    this.record('productsChanged', [...productIds]);
  }

  async stockChanged(productIds: readonly string[]): Promise<void> {
    this.record('stockChanged', [...productIds]);
  }

  async categoriesChanged(): Promise<void> {
    this.record('categoriesChanged', []);
  }

  private record(method: CatalogCacheCall['method'], productIds: readonly string[]): void {
    this.calls.push({
      method,
      productIds,
      duringTransaction: this.unitOfWork.currentTransaction,
      committedBefore: [...this.unitOfWork.committed],
    });
  }
}
