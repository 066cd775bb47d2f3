import { ImmediateUnitOfWork } from '../../../../shared/kernel/testing/immediate-unit-of-work.fake';
import { EmailTakenError } from '../../domain/email-taken.error';
import { Email } from '../../domain/email.value-object';
import { User } from '../../domain/user.aggregate';
import { UserRepository } from '../ports/user.repository.port';

export interface StoredUser {
  readonly user: User;
  /** The transaction the user was added in; undefined when seeded. */
  readonly transaction: number | undefined;
}

/**
 * Users in a map. The e-mail is unique like the real table's index, and what
 * a rolled-back transaction added is gone.
 */
export class InMemoryUserRepository extends UserRepository {
  private rows = new Map<string, StoredUser>();

  constructor(private readonly unitOfWork?: ImmediateUnitOfWork) {
    super();
    unitOfWork?.enlist({
      checkpoint: () => {
        const saved = new Map(this.rows);
        return () => {
          this.rows = saved;
        };
      },
    });
  }

  /** Puts a user in place without going through a handler. */
  seed(user: User): void {
    this.rows.set(user.id, { user, transaction: undefined });
  }

  /** Everything stored, in insertion order. */
  all(): readonly StoredUser[] {
    return [...this.rows.values()];
  }

  async add(user: User): Promise<void> {
    if (this.all().some((row) => row.user.email.equals(user.email))) throw new EmailTakenError();
    this.rows.set(user.id, { user, transaction: this.unitOfWork?.currentTransaction });
  }

  async findByEmail(email: Email): Promise<User | null> {
    return this.all().find((row) => row.user.email.equals(email))?.user ?? null;
  }

  async findById(id: string): Promise<User | null> {
    return this.rows.get(id)?.user ?? null;
  }

  async findByIdForUpdate(id: string): Promise<User | null> {
    return this.findById(id);
  }

  /** Ids erased, in order. */
  readonly erased: string[] = [];

  async erase(userId: string): Promise<void> {
    this.rows.delete(userId);
    this.erased.push(userId);
  }

  async save(user: User): Promise<void> {
    if (this.all().some((row) => row.user.id !== user.id && row.user.email.equals(user.email)))
      throw new EmailTakenError();
    this.rows.set(user.id, { user, transaction: this.unitOfWork?.currentTransaction });
  }
}
