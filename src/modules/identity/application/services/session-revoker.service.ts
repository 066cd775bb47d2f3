import { ServiceUnavailableError } from '../../../../shared/kernel/service-unavailable.error';
import { SessionRevocationReason } from '../../domain/session.aggregate';
import { AccessTokenRevocation } from '../ports/access-token-revocation.port';
import { SessionRepository } from '../ports/session.repository.port';

/**
 * Ends a member's sessions: in the database inside the caller's unit of
 * work (endSessions), then their access tokens on every instance after the
 * commit (denylist).
 */
export class SessionRevoker {
  constructor(
    private readonly sessions: SessionRepository,
    private readonly revocation: AccessTokenRevocation,
  ) {}

  /** Revokes every live session of the user except `keep`; returns the ids it ended. */
  async endSessions(
    userId: string,
    reason: SessionRevocationReason,
    now: Date,
    keep: readonly string[] = [],
  ): Promise<string[]> {
    const ended: string[] = [];
    for (const session of await this.sessions.liveForUserForUpdate(userId)) {
      if (keep.includes(session.id)) continue;
      session.revoke(now, reason);
      await this.sessions.save(session);
      ended.push(session.id);
    }
    return ended;
  }

  /** Makes the access tokens of these sessions stop working at once. */
  async denylist(sessionIds: readonly string[]): Promise<void> {
    try {
      await Promise.all(sessionIds.map((id) => this.revocation.revokeSession(id)));
    } catch {
      throw new ServiceUnavailableError(
        'The change is saved, but other sessions could not be signed out yet; retry',
      );
    }
  }
}
