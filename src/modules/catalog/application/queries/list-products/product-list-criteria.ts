export type ProductSort = 'newest' | 'price_asc' | 'price_desc';

export const PRODUCT_SORTS: readonly ProductSort[] = ['newest', 'price_asc', 'price_desc'];

/** Position after the last item of a page (keyset pagination). */
export interface ProductCursor {
  readonly id: string;
  /** Present for price sorts. */
  readonly price?: number;
}

/** A page request of the product list; only ACTIVE products are listed. */
export interface ProductListCriteria {
  readonly limit: number;
  readonly sort: ProductSort;
  readonly after?: ProductCursor;
  readonly categoryId?: string;
  readonly q?: string;
  readonly minPrice?: number;
  readonly maxPrice?: number;
}
