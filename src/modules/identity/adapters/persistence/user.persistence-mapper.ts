import { BlindIndex } from '../../../../platform/crypto/blind-index';
import { FieldCipher } from '../../../../platform/crypto/field-cipher';
import { SealedTable } from '../../../../platform/crypto/sealed-table';
import { Email } from '../../domain/email.value-object';
import { PhoneNumber } from '../../../../shared/kernel/phone-number.value-object';
import { Role } from '../../domain/role';
import { User } from '../../domain/user.aggregate';

export const USER_TABLE = 'users';

/** The sealed columns of `users`, for the key rotation (ADR 0045). */
export const USER_SEALED_TABLE: SealedTable = {
  table: USER_TABLE,
  idColumn: 'id',
  columns: ['email', 'name', 'phone'],
  ownerColumn: 't.id',
};

/** The personal columns of a users row, sealed (`e1.<key id>.<…>`), and the e-mail's blind index. */
export interface SealedUserColumns {
  email: string;
  name: string;
  phone: string | null;
  email_bidx: string;
}

/** A users row as read, with the member's secret joined from the vault (null once erased). */
export interface UserRow {
  id: string;
  email: string;
  name: string;
  phone: string | null;
  password_hash: string;
  role: string;
  created_at: Date;
  secret: Buffer | null;
}

/** Plain personal fields of a user. */
export interface UserPersonalData {
  readonly email: string;
  readonly name: string;
  readonly phone: string | null;
}

/**
 * Seals and opens the personal columns of `users` (ADR 0032): e-mail, name
 * and phone under the member's field key with `users.<column>.<id>` as
 * associated data, and the e-mail's blind index for lookups.
 */
export class UserPersistenceMapper {
  static seal(
    cipher: FieldCipher,
    blindIndex: BlindIndex,
    secret: Buffer,
    id: string,
    data: UserPersonalData,
  ): SealedUserColumns {
    const sealed = cipher.sealRow(secret, USER_TABLE, id, {
      email: data.email,
      name: data.name,
      phone: data.phone,
    });
    return {
      email: sealed.email!,
      name: sealed.name!,
      phone: sealed.phone,
      email_bidx: blindIndex.email(data.email),
    };
  }

  static open(
    cipher: FieldCipher,
    secret: Buffer,
    row: Pick<UserRow, 'id' | 'email' | 'name' | 'phone'>,
  ): UserPersonalData {
    const open = cipher.openRow(secret, USER_TABLE, row.id, {
      email: row.email,
      name: row.name,
      phone: row.phone,
    });
    return { email: open.email!, name: open.name!, phone: open.phone };
  }

  static toDomain(cipher: FieldCipher, row: UserRow & { secret: Buffer }): User {
    const data = UserPersistenceMapper.open(cipher, Buffer.from(row.secret), row);
    return User.rehydrate({
      id: row.id,
      email: Email.parse(data.email),
      name: data.name,
      phone: data.phone === null ? null : PhoneNumber.parse(data.phone),
      passwordHash: row.password_hash,
      role: row.role as Role,
      createdAt: new Date(row.created_at),
    });
  }
}
