import { ImmediateUnitOfWork } from '../../../../shared/kernel/testing/immediate-unit-of-work.fake';
import { PasswordHasher } from '../ports/password-hasher.port';

export interface HasherCall {
  readonly password: string;
  /** The transaction the call was made in, when a unit of work is observed. */
  readonly transaction: number | undefined;
}

/**
 * A readable, deterministic "hash" (`hashed:<password>`) that records every
 * call, so tests can see what was hashed or verified, and when.
 */
export class FakePasswordHasher extends PasswordHasher {
  readonly hashCalls: HasherCall[] = [];
  readonly verifyCalls: Array<HasherCall & { hash: string }> = [];

  constructor(private readonly unitOfWork?: ImmediateUnitOfWork) {
    super();
  }

  /** The hash this fake produces for `password`. */
  static hashOf(password: string): string {
    return `hashed:${password}`;
  }

  async hash(password: string): Promise<string> {
    this.hashCalls.push({ password, transaction: this.unitOfWork?.currentTransaction });
    return FakePasswordHasher.hashOf(password);
  }

  async verify(hash: string, password: string): Promise<boolean> {
    this.verifyCalls.push({ hash, password, transaction: this.unitOfWork?.currentTransaction });
    return hash === FakePasswordHasher.hashOf(password);
  }
}
