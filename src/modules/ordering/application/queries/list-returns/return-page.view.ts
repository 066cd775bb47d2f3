import { ReturnView } from './return.view';

export interface ReturnPageView {
  readonly items: readonly ReturnView[];
  readonly nextCursor: string | null;
}
