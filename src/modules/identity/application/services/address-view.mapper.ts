import { MemberAddress } from '../../domain/member-address.entity';
import { AddressView } from '../queries/list-addresses/address.view';

/** The view of an address a command just wrote. */
export function toAddressView(entry: MemberAddress): AddressView {
  return {
    id: entry.id,
    recipient: entry.address.recipient,
    phone: entry.address.phone,
    postalCode: entry.address.postalCode,
    line1: entry.address.line1,
    line2: entry.address.line2,
    isDefault: entry.isDefault,
    createdAt: entry.createdAt.toISOString(),
  };
}
