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
}
