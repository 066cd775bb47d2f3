import { PostalAddressInput } from '../../../../shared/kernel/postal-address.value-object';
import { AddressReadModel } from '../../../identity/application/ports/address.read-model.port';
import { AddressView } from '../../../identity/application/queries/list-addresses/address.view';

/** A valid address for orders placed in tests. */
export const HOME: PostalAddressInput = {
  recipient: 'Jane Doe',
  phone: '+821012345678',
  postalCode: '04524',
  line1: '110 Sejong-daero, Jung-gu',
  line2: 'Apt 1203',
};

/** Address books in memory: `put` an address for a member, `findForOwner` answers only its owner. */
export class InMemoryAddressBook extends AddressReadModel {
  private readonly byId = new Map<string, { userId: string; view: AddressView }>();

  put(userId: string, id: string, address: PostalAddressInput = HOME): AddressView {
    const view: AddressView = {
      id,
      recipient: address.recipient,
      phone: address.phone,
      postalCode: address.postalCode,
      line1: address.line1,
      line2: address.line2 ?? null,
      isDefault: false,
      createdAt: '2025-03-01T00:00:00.000Z',
    };
    this.byId.set(id, { userId, view });
    return view;
  }

  listFor(userId: string): Promise<AddressView[]> {
    return Promise.resolve(
      [...this.byId.values()].filter((e) => e.userId === userId).map((e) => e.view),
    );
  }

  findForOwner(userId: string, addressId: string): Promise<AddressView | null> {
    const entry = this.byId.get(addressId);
    return Promise.resolve(entry && entry.userId === userId ? entry.view : null);
  }
}
