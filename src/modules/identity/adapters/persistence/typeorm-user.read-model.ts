import { Injectable } from '@nestjs/common';
import { FieldCipher } from '../../../../platform/crypto/field-cipher';
import { MemberKeyVault } from '../../../../platform/crypto/member-key-vault';
import { ReadDatabase } from '../../../../platform/database/read-database';
import { UserReadModel } from '../../application/ports/user.read-model.port';
import { UserView } from '../../application/queries/get-current-user/user.view';
import { UserPersistenceMapper, UserRow } from './user.persistence-mapper';

/**
 * Users as seen by queries: one replica query joining the member's secret
 * (read-your-writes aware), decrypted here. An erased member has no secret
 * and is not found.
 */
@Injectable()
export class TypeOrmUserReadModel extends UserReadModel {
  private readonly select: string;

  constructor(
    private readonly database: ReadDatabase,
    private readonly cipher: FieldCipher,
    vault: MemberKeyVault,
  ) {
    super();
    this.select = `SELECT u.id, u.email, u.name, u.phone, u.role, u.created_at, k.secret
                     FROM users u JOIN ${vault.keysTable} k ON k.user_id = u.id`;
  }

  async findById(id: string): Promise<UserView | null> {
    const rows = await this.database.query<Omit<UserRow, 'password_hash'>>(
      `${this.select} WHERE u.id = ?`,
      [id],
    );
    const row = rows[0];
    if (!row?.secret) return null;
    const data = UserPersistenceMapper.open(this.cipher, Buffer.from(row.secret), row);
    return {
      id: row.id,
      email: data.email,
      name: data.name,
      phone: data.phone,
      role: row.role,
      createdAt: new Date(row.created_at).toISOString(),
    };
  }
}
