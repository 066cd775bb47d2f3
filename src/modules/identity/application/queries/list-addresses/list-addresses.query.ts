import { Query } from '@nestjs/cqrs';
import { AddressListView } from './address-list.view';

export class ListAddressesQuery extends Query<AddressListView> {
  constructor(readonly userId: string) {
    super();
  }
}
