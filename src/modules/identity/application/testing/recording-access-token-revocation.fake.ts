import { AccessTokenRevocation } from '../ports/access-token-revocation.port';

/**
 * Records revocation calls. Set `failure` to make every call reject with it (a
 * denylist that cannot be written); calls are recorded either way.
 */
export class RecordingAccessTokenRevocation extends AccessTokenRevocation {
  readonly revokeTokenCalls: Array<{ tokenId: string; expiresAt: number }> = [];
  readonly revokeSessionCalls: string[] = [];
  failure: Error | undefined;

  async revokeToken(tokenId: string, expiresAt: number): Promise<void> {
    this.revokeTokenCalls.push({ tokenId, expiresAt });
    if (this.failure) throw this.failure;
  }

  async revokeSession(sessionId: string): Promise<void> {
    this.revokeSessionCalls.push(sessionId);
    if (this.failure) throw this.failure;
  }
}
