import { AddressView } from '../queries/list-addresses/address.view';

/**
 * Read side of address books (decrypted for the owner). Exported by
 * IdentityDirectoryModule: the ordering context copies a chosen address
 * into an order through `findForOwner`.
 */
export abstract class AddressReadModel {
  /** The member's addresses, default first then newest first; empty for an unknown or erased member. */
  abstract listFor(userId: string): Promise<AddressView[]>;

  /** One address if it belongs to `userId`, else null (another member's address is not found). */
  abstract findForOwner(userId: string, addressId: string): Promise<AddressView | null>;
}
