import { Command } from '@nestjs/cqrs';
import { PostalAddressInput } from '../../../../../shared/kernel/postal-address.value-object';
import { AddressView } from '../../queries/list-addresses/address.view';

export class AddAddressCommand extends Command<AddressView> {
  constructor(
    readonly userId: string,
    readonly role: string,
    readonly address: PostalAddressInput,
    readonly isDefault?: boolean,
  ) {
    super();
  }
}
