import { Injectable } from '@nestjs/common';
import { FieldCipher } from '../../../../platform/crypto/field-cipher';
import { MemberKeyVault } from '../../../../platform/crypto/member-key-vault';
import { ReadDatabase } from '../../../../platform/database/read-database';
import { AddressReadModel } from '../../application/ports/address.read-model.port';
import { AddressView } from '../../application/queries/list-addresses/address.view';
import {
  MemberAddressPersistenceMapper,
  MemberAddressRow,
} from './member-address.persistence-mapper';

type Row = MemberAddressRow & { secret: Buffer };

/**
 * Address books decrypted for their owner: one replica query joining the
 * owner's secret from the vault (read-your-writes aware). A member without a
 * secret (erased) has no readable address, so none is returned.
 */
@Injectable()
export class TypeOrmAddressReadModel extends AddressReadModel {
  private readonly select: string;

  constructor(
    private readonly database: ReadDatabase,
    private readonly cipher: FieldCipher,
    vault: MemberKeyVault,
  ) {
    super();
    this.select = `SELECT a.id, a.user_id, a.recipient, a.phone, a.postal_code, a.line1, a.line2,
                          a.is_default, a.created_at, a.updated_at, k.secret
                     FROM member_addresses a JOIN ${vault.keysTable} k ON k.user_id = a.user_id`;
  }

  async listFor(userId: string): Promise<AddressView[]> {
    const rows = await this.database.query<Row>(
      `${this.select} WHERE a.user_id = ? ORDER BY a.is_default DESC, a.id DESC`,
      [userId],
    );
    return rows.map((row) =>
      MemberAddressPersistenceMapper.toView(this.cipher, Buffer.from(row.secret), row),
    );
  }

  async findForOwner(userId: string, addressId: string): Promise<AddressView | null> {
    const rows = await this.database.query<Row>(`${this.select} WHERE a.id = ? AND a.user_id = ?`, [
      addressId,
      userId,
    ]);
    const row = rows[0];
    return row
      ? MemberAddressPersistenceMapper.toView(this.cipher, Buffer.from(row.secret), row)
      : null;
  }
}
