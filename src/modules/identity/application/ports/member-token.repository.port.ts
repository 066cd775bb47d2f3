import { MemberToken, MemberTokenPurpose } from '../../domain/member-token';

/** Single-use member tokens (primary, current UnitOfWork); only hashes of tokens are stored. */
export abstract class MemberTokenRepository {
  /** Inserts a token row under the hash of its secret; the new e-mail, if any, is sealed. */
  abstract add(token: MemberToken, tokenHash: string, now: Date): Promise<void>;

  /** The token with this hash and purpose, row-locked; null if there is none. */
  abstract findByHashForUpdate(
    tokenHash: string,
    purpose: MemberTokenPurpose,
  ): Promise<MemberToken | null>;

  /** Marks the token spent. */
  abstract markUsed(id: string, now: Date): Promise<void>;
}
