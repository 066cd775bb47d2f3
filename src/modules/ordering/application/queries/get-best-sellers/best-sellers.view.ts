import { ProductView } from '../../../../catalog/application/queries/get-product/product.view';

export interface BestSellersView {
  readonly items: ReadonlyArray<{ readonly product: ProductView; readonly soldQuantity: number }>;
  /** Start of the window (the first day, 00:00 UTC). */
  readonly from: string;
  /** End of the window (now). */
  readonly to: string;
}
