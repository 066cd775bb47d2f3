import { AddressView } from './address.view';

/** The whole address book (at most 10 entries, so never paged): default first, then newest first. */
export interface AddressListView {
  readonly items: AddressView[];
}
