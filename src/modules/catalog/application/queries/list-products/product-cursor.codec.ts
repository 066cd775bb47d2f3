import { KeysetCursorCodec } from '../../../../../shared/kernel/keyset-cursor.codec';
import { ProductSort } from './product-list-criteria';

const PRICE = { field: 'price', wire: 'p' } as const;

/** Product list cursors: the last item's id, plus its price for the price sorts. */
export const ProductCursorCodec = new KeysetCursorCodec<ProductSort, 'price'>({
  newest: [],
  price_asc: [PRICE],
  price_desc: [PRICE],
});
