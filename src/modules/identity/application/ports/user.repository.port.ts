import { Email } from '../../domain/email.value-object';
import { User } from '../../domain/user.aggregate';

/** Users on the write side (primary), inside the current UnitOfWork. */
export abstract class UserRepository {
  /** Inserts a new user; throws EmailTakenError when the email is registered. */
  abstract add(user: User): Promise<void>;

  /** The user with this email, read from the primary; null if none. */
  abstract findByEmail(email: Email): Promise<User | null>;

  /** The user with this id, read from the primary; null if none. */
  abstract findById(id: string): Promise<User | null>;

  /** The user with this id, row-locked until the transaction ends; null if none (or erased). */
  abstract findByIdForUpdate(id: string): Promise<User | null>;

  /**
   * Writes a user loaded in this transaction (name, phone, e-mail and its
   * blind index, password hash, role); EmailTakenError when the e-mail is
   * registered to another account.
   */
  abstract save(user: User): Promise<void>;

  /**
   * Erases the member: blind index and password hash cleared, erased_at set,
   * address book and pending tokens deleted, member key destroyed (logged in
   * the erasure log). Inside the current UnitOfWork.
   */
  abstract erase(userId: string, now: Date): Promise<void>;
}
