import { FieldCipher } from '../../../../platform/crypto/field-cipher';
import { SealedTable } from '../../../../platform/crypto/sealed-table';
import { MemberAddress } from '../../domain/member-address.entity';
import { PostalAddress } from '../../../../shared/kernel/postal-address.value-object';
import { AddressView } from '../../application/queries/list-addresses/address.view';

export const ADDRESS_TABLE = 'member_addresses';

/** The sealed columns of the address book, for the key rotation (ADR 0045). */
export const ADDRESS_SEALED_TABLE: SealedTable = {
  table: ADDRESS_TABLE,
  idColumn: 'id',
  columns: ['recipient', 'phone', 'postal_code', 'line1', 'line2'],
  ownerColumn: 't.user_id',
};

/** A member_addresses row: every personal field sealed (`e1.<key id>.<…>`). */
export interface MemberAddressRow {
  id: string;
  user_id: string;
  recipient: string;
  phone: string;
  postal_code: string;
  line1: string;
  line2: string | null;
  is_default: number | boolean;
  created_at: Date;
  updated_at: Date;
}

type SealedColumns = Pick<
  MemberAddressRow,
  'recipient' | 'phone' | 'postal_code' | 'line1' | 'line2'
>;

/** Seals and opens address rows with the owner's secret (associated data: table, column, row id). */
export class MemberAddressPersistenceMapper {
  static open(cipher: FieldCipher, secret: Buffer, row: SealedColumns & { id: string }) {
    const open = cipher.openRow(secret, ADDRESS_TABLE, row.id, {
      recipient: row.recipient,
      phone: row.phone,
      postal_code: row.postal_code,
      line1: row.line1,
      line2: row.line2,
    });
    return {
      recipient: open.recipient!,
      phone: open.phone!,
      postalCode: open.postal_code!,
      line1: open.line1!,
      line2: open.line2,
    };
  }

  static toDomain(cipher: FieldCipher, secret: Buffer, row: MemberAddressRow): MemberAddress {
    const fields = MemberAddressPersistenceMapper.open(cipher, secret, row);
    return MemberAddress.create({
      id: row.id,
      userId: row.user_id,
      // Stored values were validated when written; rehydrating re-checks them cheaply.
      address: PostalAddress.create(fields),
      isDefault: Boolean(Number(row.is_default)),
      createdAt: new Date(row.created_at),
      updatedAt: new Date(row.updated_at),
    });
  }

  static toView(cipher: FieldCipher, secret: Buffer, row: MemberAddressRow): AddressView {
    const fields = MemberAddressPersistenceMapper.open(cipher, secret, row);
    return {
      id: row.id,
      ...fields,
      isDefault: Boolean(Number(row.is_default)),
      createdAt: new Date(row.created_at).toISOString(),
    };
  }

  static sealed(cipher: FieldCipher, secret: Buffer, entry: MemberAddress): SealedColumns {
    const sealed = cipher.sealRow(secret, ADDRESS_TABLE, entry.id, {
      recipient: entry.address.recipient,
      phone: entry.address.phone,
      postal_code: entry.address.postalCode,
      line1: entry.address.line1,
      line2: entry.address.line2,
    });
    return {
      recipient: sealed.recipient!,
      phone: sealed.phone!,
      postal_code: sealed.postal_code!,
      line1: sealed.line1!,
      line2: sealed.line2,
    };
  }
}
