import { KeysetCursorCodec } from '../../../../../shared/kernel/keyset-cursor.codec';
import { ReviewSort } from './review-sort';

/** Review page cursors: the last review's id, plus its helpful count for sort `helpful`. */
export const ReviewCursorCodec = new KeysetCursorCodec<ReviewSort, 'helpful'>({
  newest: [],
  helpful: [{ field: 'helpful', wire: 'h' }],
});
