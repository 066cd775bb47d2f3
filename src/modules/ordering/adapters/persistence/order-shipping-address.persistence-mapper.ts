import { FieldCipher } from '../../../../platform/crypto/field-cipher';
import { SealedTable } from '../../../../platform/crypto/sealed-table';
import { PostalAddress } from '../../../../shared/kernel/postal-address.value-object';

export const SHIPPING_ADDRESS_TABLE = 'order_shipping_addresses';

/** An order's address copy, sealed with its owner's key: for the key rotation (ADR 0045). */
export const SHIPPING_ADDRESS_SEALED_TABLE: SealedTable = {
  table: SHIPPING_ADDRESS_TABLE,
  idColumn: 'order_id',
  columns: ['recipient', 'phone', 'postal_code', 'line1', 'line2'],
  ownerColumn: 'o.user_id',
  join: 'JOIN orders o ON o.id = t.order_id',
};

/** The sealed columns of an order_shipping_addresses row (`e1.<key id>.<…>`). */
export interface ShippingAddressColumns {
  recipient: string;
  phone: string;
  postal_code: string;
  line1: string;
  line2: string | null;
}

/**
 * Seals and opens an order's address copy with the owner's member secret
 * (associated data: table, column, order id), so a copy moved to another
 * order does not decrypt.
 */
export class OrderShippingAddressPersistenceMapper {
  static sealed(
    cipher: FieldCipher,
    secret: Buffer,
    orderId: string,
    address: PostalAddress,
  ): ShippingAddressColumns {
    const sealed = cipher.sealRow(secret, SHIPPING_ADDRESS_TABLE, orderId, {
      recipient: address.recipient,
      phone: address.phone,
      postal_code: address.postalCode,
      line1: address.line1,
      line2: address.line2,
    });
    return {
      recipient: sealed.recipient!,
      phone: sealed.phone!,
      postal_code: sealed.postal_code!,
      line1: sealed.line1!,
      line2: sealed.line2,
    };
  }

  /** The address, or null when there is no copy (older order) or no secret (erased member). */
  static open(
    cipher: FieldCipher,
    secret: Buffer | null,
    orderId: string,
    columns: Partial<ShippingAddressColumns>,
  ): PostalAddress | null {
    if (!secret || !columns.recipient || !columns.phone || !columns.postal_code || !columns.line1)
      return null;
    const open = cipher.openRow(secret, SHIPPING_ADDRESS_TABLE, orderId, {
      recipient: columns.recipient,
      phone: columns.phone,
      postal_code: columns.postal_code,
      line1: columns.line1,
      line2: columns.line2 ?? null,
    });
    // Stored values were validated when the order was placed.
    return PostalAddress.create({
      recipient: open.recipient!,
      phone: open.phone!,
      postalCode: open.postal_code!,
      line1: open.line1!,
      line2: open.line2,
    });
  }
}
