import { Injectable } from '@nestjs/common';
import { BlindIndex } from '../../../../platform/crypto/blind-index';
import { FieldCipher } from '../../../../platform/crypto/field-cipher';
import { SealedTable } from '../../../../platform/crypto/sealed-table';
import { MemberKeyVault } from '../../../../platform/crypto/member-key-vault';
import { TransactionContext } from '../../../../platform/database/transaction-context';
import { MemberTokenRepository } from '../../application/ports/member-token.repository.port';
import { MemberToken, MemberTokenPurpose } from '../../domain/member-token';

export const MEMBER_TOKEN_TABLE = 'member_tokens';

/** The pending new e-mail of a token is sealed; for the key rotation (ADR 0045). */
export const MEMBER_TOKEN_SEALED_TABLE: SealedTable = {
  table: MEMBER_TOKEN_TABLE,
  idColumn: 'id',
  columns: ['new_email'],
  ownerColumn: 't.user_id',
};

interface Row {
  id: string;
  user_id: string;
  purpose: MemberTokenPurpose;
  new_email: string | null;
  expires_at: Date;
  used_at: Date | null;
  secret: Buffer | null;
}

/** member_tokens on the primary; the pending new e-mail is sealed under the member's secret. */
@Injectable()
export class TypeOrmMemberTokenRepository extends MemberTokenRepository {
  constructor(
    private readonly transaction: TransactionContext,
    private readonly vault: MemberKeyVault,
    private readonly cipher: FieldCipher,
    private readonly blindIndex: BlindIndex,
  ) {
    super();
  }

  async add(token: MemberToken, tokenHash: string, now: Date): Promise<void> {
    let newEmail: string | null = null;
    if (token.newEmail !== null) {
      const secret = await this.vault.find(token.userId);
      if (!secret) throw new Error(`member ${token.userId} has no key`);
      newEmail = this.cipher.seal(secret, token.newEmail, {
        table: MEMBER_TOKEN_TABLE,
        column: 'new_email',
        rowId: token.id,
      });
    }
    await this.transaction.manager().query(
      `INSERT INTO member_tokens (id, user_id, purpose, token_hash, new_email, new_email_bidx, expires_at, used_at, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, NULL, ?)`,
      [
        token.id,
        token.userId,
        token.purpose,
        tokenHash,
        newEmail,
        token.newEmail === null ? null : this.blindIndex.email(token.newEmail),
        token.expiresAt,
        now,
      ],
    );
  }

  async findByHashForUpdate(
    tokenHash: string,
    purpose: MemberTokenPurpose,
  ): Promise<MemberToken | null> {
    const rows = (await this.transaction.manager().query(
      `SELECT t.id, t.user_id, t.purpose, t.new_email, t.expires_at, t.used_at, k.secret
         FROM member_tokens t LEFT JOIN ${this.vault.keysTable} k ON k.user_id = t.user_id
        WHERE t.token_hash = ? AND t.purpose = ?
        FOR UPDATE`,
      [tokenHash, purpose],
    )) as Row[];
    const row = rows[0];
    // An erased member's token opens nothing.
    if (!row || !row.secret) return null;
    return {
      id: row.id,
      userId: row.user_id,
      purpose: row.purpose,
      newEmail:
        row.new_email === null
          ? null
          : this.cipher.open(Buffer.from(row.secret), row.new_email, {
              table: MEMBER_TOKEN_TABLE,
              column: 'new_email',
              rowId: row.id,
            }),
      expiresAt: new Date(row.expires_at),
      usedAt: row.used_at === null ? null : new Date(row.used_at),
    };
  }

  async markUsed(id: string, now: Date): Promise<void> {
    await this.transaction
      .manager()
      .query('UPDATE member_tokens SET used_at = ? WHERE id = ? AND used_at IS NULL', [now, id]);
  }
}
