import { Injectable } from '@nestjs/common';
import { BlindIndex } from '../../../../platform/crypto/blind-index';
import { FieldCipher } from '../../../../platform/crypto/field-cipher';
import { MemberKeyVault } from '../../../../platform/crypto/member-key-vault';
import { ReadDatabase } from '../../../../platform/database/read-database';
import { UserReadModel } from '../../application/ports/user.read-model.port';
import { UserView } from '../../application/queries/get-current-user/user.view';
import { AdminUserView } from '../../application/queries/get-user/admin-user.view';
import { UserPersistenceMapper, UserRow } from './user.persistence-mapper';

/**
 * Users as seen by queries: one replica query joining the member's secret
 * (read-your-writes aware), decrypted here. An erased member has no secret
 * and is not found.
 */
@Injectable()
export class TypeOrmUserReadModel extends UserReadModel {
  private readonly select: string;
  private readonly keysTable: string;

  constructor(
    private readonly database: ReadDatabase,
    private readonly cipher: FieldCipher,
    private readonly blindIndex: BlindIndex,
    vault: MemberKeyVault,
  ) {
    super();
    this.keysTable = vault.keysTable;
    this.select = `SELECT u.id, u.email, u.name, u.phone, u.role, u.created_at, k.secret
                     FROM users u JOIN ${vault.keysTable} k ON k.user_id = u.id`;
  }

  async findById(id: string): Promise<UserView | null> {
    return this.one(`${this.select} WHERE u.id = ?`, [id]);
  }

  async findByEmail(email: string): Promise<UserView | null> {
    return this.one(`${this.select} WHERE u.email_bidx = ?`, [this.blindIndex.email(email)]);
  }

  async findAccount(id: string): Promise<AdminUserView | null> {
    const rows = await this.database.query<
      Omit<UserRow, 'password_hash'> & { erased_at: Date | null }
    >(
      `SELECT u.id, u.email, u.name, u.phone, u.role, u.created_at, u.erased_at, k.secret
         FROM users u LEFT JOIN ${this.keysTable} k ON k.user_id = u.id WHERE u.id = ?`,
      [id],
    );
    const row = rows[0];
    if (!row) return null;
    // Without the member's key (erased) nothing personal can be read, by design.
    const data = row.secret
      ? UserPersistenceMapper.open(this.cipher, Buffer.from(row.secret), row)
      : null;
    return {
      id: row.id,
      email: data?.email ?? null,
      name: data?.name ?? null,
      phone: data?.phone ?? null,
      role: row.role,
      createdAt: new Date(row.created_at).toISOString(),
      erasedAt: row.erased_at === null ? null : new Date(row.erased_at).toISOString(),
    };
  }

  private async one(sql: string, parameters: unknown[]): Promise<UserView | null> {
    const rows = await this.database.query<Omit<UserRow, 'password_hash'>>(sql, parameters);
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
