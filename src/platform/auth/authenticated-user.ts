/** The caller, as proven by a valid access token. */
export interface AuthenticatedUser {
  readonly id: string;
  readonly role: string;
  /** Refresh-token family (login session) the access token belongs to. */
  readonly sessionId: string;
  /** The access token's `jti`. */
  readonly tokenId: string;
  /** When the access token expires (epoch seconds). */
  readonly expiresAt: number;
}
