/** Makes already-issued access tokens stop working before they expire. */
export abstract class AccessTokenRevocation {
  /** Revokes one access token until its expiry (epoch seconds). */
  abstract revokeToken(tokenId: string, expiresAt: number): Promise<void>;

  /** Revokes every access token minted in the session. */
  abstract revokeSession(sessionId: string): Promise<void>;
}
