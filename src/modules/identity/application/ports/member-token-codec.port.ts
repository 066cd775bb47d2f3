/**
 * The secret of a member token, derived from its id under a server key, so
 * the API (to store its hash) and the worker (to e-mail it) compute the same
 * value and neither the database nor the outbox ever holds it.
 */
export abstract class MemberTokenCodec {
  /** The token e-mailed for the row with this id (URL-safe). */
  abstract tokenFor(tokenId: string): string;

  /** The stored form of a presented token (SHA-256, hex). */
  abstract hash(token: string): string;
}
