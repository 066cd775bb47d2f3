import { Injectable } from '@nestjs/common';
import { Clock } from '../../../../shared/kernel/clock.port';
import { BlindIndex } from '../../../../platform/crypto/blind-index';
import { FieldCipher } from '../../../../platform/crypto/field-cipher';
import { MemberKeyVault } from '../../../../platform/crypto/member-key-vault';
import { isDuplicateKeyError } from '../../../../platform/database/mysql-errors';
import { TransactionContext } from '../../../../platform/database/transaction-context';
import { UserRepository } from '../../application/ports/user.repository.port';
import { EmailTakenError } from '../../domain/email-taken.error';
import { Email } from '../../domain/email.value-object';
import { User } from '../../domain/user.aggregate';
import { UserPersistenceMapper, UserRow } from './user.persistence-mapper';

/**
 * Users on the primary. Personal columns are sealed under the member's
 * secret (created in the same transaction as the user); e-mail lookups use
 * the blind index. A user whose secret is gone (erased) is not found.
 */
@Injectable()
export class TypeOrmUserRepository extends UserRepository {
  private readonly select: string;
  /** The member secret of each user loaded for update, for sealing what save() writes. */
  private readonly secrets = new WeakMap<User, Buffer>();

  constructor(
    private readonly transaction: TransactionContext,
    private readonly vault: MemberKeyVault,
    private readonly cipher: FieldCipher,
    private readonly blindIndex: BlindIndex,
    private readonly clock: Clock,
  ) {
    super();
    this.select = `SELECT u.id, u.email, u.name, u.phone, u.password_hash, u.role, u.created_at, k.secret
                     FROM users u JOIN ${vault.keysTable} k ON k.user_id = u.id`;
  }

  async add(user: User): Promise<void> {
    const now = this.clock.now();
    const secret = await this.vault.create(user.id, now);
    const sealed = UserPersistenceMapper.seal(this.cipher, this.blindIndex, secret, user.id, {
      email: user.email.value,
      name: user.name,
      phone: user.phone?.value ?? null,
    });
    try {
      await this.transaction.manager().query(
        `INSERT INTO users (id, email_bidx, email, name, phone, password_hash, role, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        [
          user.id,
          sealed.email_bidx,
          sealed.email,
          sealed.name,
          sealed.phone,
          user.passwordHash,
          user.role,
          user.createdAt,
          now,
        ],
      );
    } catch (error) {
      if (isDuplicateKeyError(error)) throw new EmailTakenError();
      throw error;
    }
  }

  async findByEmail(email: Email): Promise<User | null> {
    return this.one(`${this.select} WHERE u.email_bidx = ?`, [this.blindIndex.email(email.value)]);
  }

  async findById(id: string): Promise<User | null> {
    return this.one(`${this.select} WHERE u.id = ?`, [id]);
  }

  async findByIdForUpdate(id: string): Promise<User | null> {
    return this.one(`${this.select} WHERE u.id = ? FOR UPDATE`, [id]);
  }

  async save(user: User): Promise<void> {
    const secret = this.secrets.get(user);
    if (!secret) throw new Error('UserRepository.save: the user was not loaded in this repository');
    const sealed = UserPersistenceMapper.seal(this.cipher, this.blindIndex, secret, user.id, {
      email: user.email.value,
      name: user.name,
      phone: user.phone?.value ?? null,
    });
    try {
      await this.transaction.manager().query(
        `UPDATE users SET email_bidx = ?, email = ?, name = ?, phone = ?, password_hash = ?, role = ?, updated_at = ?
          WHERE id = ?`,
        [
          sealed.email_bidx,
          sealed.email,
          sealed.name,
          sealed.phone,
          user.passwordHash,
          user.role,
          this.clock.now(),
          user.id,
        ],
      );
    } catch (error) {
      if (isDuplicateKeyError(error)) throw new EmailTakenError();
      throw error;
    }
  }

  async erase(userId: string, now: Date): Promise<void> {
    const manager = this.transaction.manager();
    // No password verifies against this hash; the CHECK on password_hash still holds.
    await manager.query(
      `UPDATE users SET email_bidx = NULL, password_hash = '$argon2id$erased', erased_at = ?, updated_at = ?
        WHERE id = ?`,
      [now, now, userId],
    );
    await manager.query('DELETE FROM member_addresses WHERE user_id = ?', [userId]);
    await manager.query('DELETE FROM member_tokens WHERE user_id = ?', [userId]);
    await this.vault.destroy(userId, now);
  }

  private async one(sql: string, parameters: unknown[]): Promise<User | null> {
    const rows = (await this.transaction.manager().query(sql, parameters)) as Array<
      UserRow & { secret: Buffer }
    >;
    if (!rows[0]) return null;
    const user = UserPersistenceMapper.toDomain(this.cipher, rows[0]);
    this.secrets.set(user, Buffer.from(rows[0].secret));
    return user;
  }
}
