/** Opaque refresh-token secrets: only their hash is ever stored. */
export abstract class RefreshTokenCodec {
  /** A new random secret and its hash. */
  abstract generate(): { token: string; hash: string };

  /** The stored form of a presented secret. */
  abstract hash(token: string): string;

  /** Lifetime of a refresh token, in seconds. */
  abstract ttlSeconds(): number;
}
