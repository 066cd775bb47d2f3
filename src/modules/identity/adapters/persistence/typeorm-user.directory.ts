import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { FieldCipher } from '../../../../platform/crypto/field-cipher';
import { MemberKeyVault } from '../../../../platform/crypto/member-key-vault';
import { UserContact, UserDirectory } from '../../application/ports/user-directory.port';
import { UserPersistenceMapper, UserRow } from './user.persistence-mapper';

@Injectable()
export class TypeOrmUserDirectory extends UserDirectory {
  private readonly select: string;

  constructor(
    private readonly dataSource: DataSource,
    private readonly cipher: FieldCipher,
    vault: MemberKeyVault,
  ) {
    super();
    this.select = `SELECT u.id, u.email, u.name, u.phone, k.secret
                     FROM users u JOIN ${vault.keysTable} k ON k.user_id = u.id WHERE u.id = ?`;
  }

  async contact(userId: string): Promise<UserContact | null> {
    // Raw queries outside a transaction go to the primary (replication defaultMode 'master').
    const [row] = (await this.dataSource.query(this.select, [userId])) as Array<
      Pick<UserRow, 'id' | 'email' | 'name' | 'phone' | 'secret'>
    >;
    if (!row?.secret) return null; // no such user, or erased: nobody to write to
    const data = UserPersistenceMapper.open(this.cipher, Buffer.from(row.secret), row);
    return { email: data.email, name: data.name };
  }
}
