import { Injectable } from '@nestjs/common';
import { Clock } from '../../../../shared/kernel/clock.port';
import { FieldCipher } from '../../../../platform/crypto/field-cipher';
import { MemberKeyVault } from '../../../../platform/crypto/member-key-vault';
import { TransactionContext } from '../../../../platform/database/transaction-context';
import { AddressBookRepository } from '../../application/ports/address-book.repository.port';
import { AddressBook } from '../../domain/address-book.aggregate';
import {
  MemberAddressPersistenceMapper,
  MemberAddressRow,
} from './member-address.persistence-mapper';

@Injectable()
export class TypeOrmAddressBookRepository extends AddressBookRepository {
  /** The owner's secret of each loaded book, for sealing what it writes. */
  private readonly secrets = new WeakMap<AddressBook, Buffer>();

  constructor(
    private readonly transaction: TransactionContext,
    private readonly vault: MemberKeyVault,
    private readonly cipher: FieldCipher,
    private readonly clock: Clock,
  ) {
    super();
  }

  async loadForUpdate(userId: string): Promise<AddressBook | null> {
    const manager = this.transaction.manager();
    const users = (await manager.query('SELECT id FROM users WHERE id = ? FOR UPDATE', [
      userId,
    ])) as Array<{ id: string }>;
    if (users.length === 0) return null;
    const secret = await this.vault.ensure(userId, this.clock.now());
    if (!secret) return null;
    const rows = (await manager.query(
      `SELECT id, user_id, recipient, phone, postal_code, line1, line2, is_default, created_at, updated_at
         FROM member_addresses WHERE user_id = ? ORDER BY id`,
      [userId],
    )) as MemberAddressRow[];
    const book = AddressBook.rehydrate(
      userId,
      rows.map((row) => MemberAddressPersistenceMapper.toDomain(this.cipher, secret, row)),
    );
    this.secrets.set(book, secret);
    return book;
  }

  async save(book: AddressBook): Promise<void> {
    const secret = this.secrets.get(book);
    if (!secret) throw new Error('AddressBookRepository.save: the book was not loaded for update');
    const manager = this.transaction.manager();
    const { removed, updated, added } = book.changes();
    if (removed.length > 0)
      await manager.query('DELETE FROM member_addresses WHERE user_id = ? AND id IN (?)', [
        book.userId,
        removed,
      ]);
    for (const entry of updated) {
      const sealed = MemberAddressPersistenceMapper.sealed(this.cipher, secret, entry);
      await manager.query(
        `UPDATE member_addresses
            SET recipient = ?, phone = ?, postal_code = ?, line1 = ?, line2 = ?, is_default = ?, updated_at = ?
          WHERE id = ? AND user_id = ?`,
        [
          sealed.recipient,
          sealed.phone,
          sealed.postal_code,
          sealed.line1,
          sealed.line2,
          entry.isDefault ? 1 : 0,
          entry.updatedAt,
          entry.id,
          book.userId,
        ],
      );
    }
    for (const entry of added) {
      const sealed = MemberAddressPersistenceMapper.sealed(this.cipher, secret, entry);
      await manager.query(
        `INSERT INTO member_addresses
           (id, user_id, recipient, phone, postal_code, line1, line2, is_default, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        [
          entry.id,
          book.userId,
          sealed.recipient,
          sealed.phone,
          sealed.postal_code,
          sealed.line1,
          sealed.line2,
          entry.isDefault ? 1 : 0,
          entry.createdAt,
          entry.updatedAt,
        ],
      );
    }
  }
}
