export interface IssuedAccessToken {
  readonly token: string;
  readonly tokenId: string;
  /** Seconds until expiry. */
  readonly expiresIn: number;
}

/** Mints signed, short-lived access tokens. */
export abstract class AccessTokenIssuer {
  /** A token for the user in the given session. */
  abstract issue(subject: {
    userId: string;
    role: string;
    sessionId: string;
  }): Promise<IssuedAccessToken>;
}
