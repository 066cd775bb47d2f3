import { Injectable, Logger } from '@nestjs/common';
import { AccessTokenDenylist } from '../../../../platform/auth/access-token-denylist';
import { AppConfig } from '../../../../platform/config/app-config';
import { AccessTokenRevocation } from '../../application/ports/access-token-revocation.port';

/** Revocation through the platform's Redis denylist, kept for one access-token lifetime. */
@Injectable()
export class DenylistAccessTokenRevocation extends AccessTokenRevocation {
  constructor(
    private readonly denylist: AccessTokenDenylist,
    private readonly config: AppConfig,
  ) {
    super();
  }

  private readonly logger = new Logger(DenylistAccessTokenRevocation.name);

  revokeToken(tokenId: string, expiresAt: number): Promise<void> {
    return this.denylist
      .revokeToken(tokenId, expiresAt)
      .catch((error: Error) => this.fail(`token ${tokenId}`, error));
  }

  revokeSession(sessionId: string): Promise<void> {
    return this.denylist
      .revokeSession(sessionId, this.config.jwt.accessTtlSeconds)
      .catch((error: Error) => this.fail(`session ${sessionId}`, error));
  }

  private fail(what: string, error: Error): never {
    this.logger.warn(`could not revoke access tokens of ${what}: ${error.message}`);
    throw error;
  }
}
