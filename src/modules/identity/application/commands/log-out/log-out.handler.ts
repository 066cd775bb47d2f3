import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Clock } from '../../../../../shared/kernel/clock.port';
import { SecurityEvents } from '../../../../../shared/kernel/security-events.port';
import { ServiceUnavailableError } from '../../../../../shared/kernel/service-unavailable.error';
import { UnitOfWork } from '../../../../../shared/kernel/unit-of-work.port';
import { AccessTokenRevocation } from '../../ports/access-token-revocation.port';
import { RefreshTokenCodec } from '../../ports/refresh-token-codec.port';
import { SessionRepository } from '../../ports/session.repository.port';
import { LogOutCommand } from './log-out.command';

/**
 * Ends the caller's session (and the session of a refresh token they send, if
 * it is theirs): the refresh family is revoked in the database, then the
 * access token and the session's other access tokens are denylisted. If the
 * denylist cannot be written the caller is told (503) and may retry; the
 * database part is idempotent.
 */
@CommandHandler(LogOutCommand)
export class LogOutHandler implements ICommandHandler<LogOutCommand, void> {
  constructor(
    private readonly sessions: SessionRepository,
    private readonly codec: RefreshTokenCodec,
    private readonly revocation: AccessTokenRevocation,
    private readonly unitOfWork: UnitOfWork,
    private readonly clock: Clock,
    private readonly security: SecurityEvents,
  ) {}

  async execute(command: LogOutCommand): Promise<void> {
    const revoked = await this.unitOfWork.run(async () => {
      const sessionIds = new Set([command.sessionId]);
      if (command.refreshToken) {
        const found = await this.sessions.findByTokenHashForUpdate(
          this.codec.hash(command.refreshToken),
        );
        if (found && found.session.userId === command.userId) sessionIds.add(found.session.id);
      }
      const ended: string[] = [];
      // Primary-key order, so crossed logouts cannot deadlock.
      for (const id of [...sessionIds].sort()) {
        const session = await this.sessions.findByIdForUpdate(id);
        if (!session || session.userId !== command.userId) continue;
        session.revoke(this.clock.now(), 'LOGOUT');
        await this.sessions.save(session);
        ended.push(id);
      }
      return ended;
    });
    this.security.record({ event: 'logged_out', userId: command.userId });
    try {
      await this.revocation.revokeToken(command.accessTokenId, command.accessTokenExpiresAt);
      await Promise.all(revoked.map((id) => this.revocation.revokeSession(id)));
    } catch {
      throw new ServiceUnavailableError(
        'Logged out, but the access token could not be revoked yet; retry',
      );
    }
  }
}
