/** Opaque refresh-token secrets: only their hash is ever stored. */
export abstract class RefreshTokenCodec {
  /** A new random secret and its hash. */
  abstract generate(): { token: string; hash: string };

  /**
   * The secret that rotating `token` yields. Derived from it with a server
   * key, so a retry of the same rotation within the grace window names the
   * same successor instead of minting a second one.
   */
  abstract successorOf(token: string): { token: string; hash: string };

  /** The stored form of a presented secret. */
  abstract hash(token: string): string;

  /** Lifetime of a refresh token, in seconds. */
  abstract ttlSeconds(): number;
}
