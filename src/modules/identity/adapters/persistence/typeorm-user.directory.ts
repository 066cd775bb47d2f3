import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { FieldCipher } from '../../../../platform/crypto/field-cipher';
import { MemberKeyVault } from '../../../../platform/crypto/member-key-vault';
import { MemberTokenCodec } from '../../application/ports/member-token-codec.port';
import {
  PasswordResetMail,
  PendingEmailChange,
  UserContact,
  UserDirectory,
} from '../../application/ports/user-directory.port';
import { MEMBER_TOKEN_TABLE } from './typeorm-member-token.repository';
import { UserPersistenceMapper, UserRow } from './user.persistence-mapper';

type ContactRow = Pick<UserRow, 'id' | 'email' | 'name' | 'phone' | 'secret'>;
type TokenRow = ContactRow & { token_id: string; new_email: string | null };

/**
 * Contacts and pending member e-mails, decrypted on the primary (jobs may
 * run right after the write). An erased member has no secret: nothing is
 * found, nothing is sent.
 */
@Injectable()
export class TypeOrmUserDirectory extends UserDirectory {
  private readonly select: string;
  private readonly selectToken: string;

  constructor(
    private readonly dataSource: DataSource,
    private readonly cipher: FieldCipher,
    private readonly codec: MemberTokenCodec,
    vault: MemberKeyVault,
  ) {
    super();
    this.select = `SELECT u.id, u.email, u.name, u.phone, k.secret
                     FROM users u JOIN ${vault.keysTable} k ON k.user_id = u.id WHERE u.id = ?`;
    this.selectToken = `SELECT t.id AS token_id, t.new_email, u.id, u.email, u.name, u.phone, k.secret
                          FROM member_tokens t JOIN users u ON u.id = t.user_id
                          JOIN ${vault.keysTable} k ON k.user_id = u.id
                         WHERE t.id = ? AND t.purpose = ?`;
  }

  async contact(userId: string): Promise<UserContact | null> {
    // Raw queries outside a transaction go to the primary (replication defaultMode 'master').
    const [row] = (await this.dataSource.query(this.select, [userId])) as ContactRow[];
    if (!row?.secret) return null; // no such user, or erased: nobody to write to
    const data = UserPersistenceMapper.open(this.cipher, Buffer.from(row.secret), row);
    return { email: data.email, name: data.name };
  }

  async pendingEmailChange(tokenId: string): Promise<PendingEmailChange | null> {
    const [row] = (await this.dataSource.query(this.selectToken, [
      tokenId,
      'EMAIL_CHANGE',
    ])) as TokenRow[];
    if (!row?.secret || row.new_email === null) return null;
    const secret = Buffer.from(row.secret);
    const data = UserPersistenceMapper.open(this.cipher, secret, row);
    return {
      newEmail: this.cipher.open(secret, row.new_email, {
        table: MEMBER_TOKEN_TABLE,
        column: 'new_email',
        rowId: row.token_id,
      }),
      currentEmail: data.email,
      name: data.name,
      token: this.codec.tokenFor(row.token_id),
    };
  }

  async passwordReset(tokenId: string): Promise<PasswordResetMail | null> {
    const [row] = (await this.dataSource.query(this.selectToken, [
      tokenId,
      'PASSWORD_RESET',
    ])) as TokenRow[];
    if (!row?.secret) return null;
    const data = UserPersistenceMapper.open(this.cipher, Buffer.from(row.secret), row);
    return { email: data.email, name: data.name, token: this.codec.tokenFor(row.token_id) };
  }
}
