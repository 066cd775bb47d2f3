import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { AddressReadModel } from '../../ports/address.read-model.port';
import { AddressListView } from './address-list.view';
import { ListAddressesQuery } from './list-addresses.query';

@QueryHandler(ListAddressesQuery)
export class ListAddressesHandler implements IQueryHandler<ListAddressesQuery, AddressListView> {
  constructor(private readonly addresses: AddressReadModel) {}

  async execute(query: ListAddressesQuery): Promise<AddressListView> {
    return { items: await this.addresses.listFor(query.userId) };
  }
}
