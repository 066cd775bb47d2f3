import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Clock } from '../../../../../shared/kernel/clock.port';
import { SecurityEvents } from '../../../../../shared/kernel/security-events.port';
import { UnauthorizedError } from '../../../../../shared/kernel/unauthorized.error';
import { UnitOfWork } from '../../../../../shared/kernel/unit-of-work.port';
import { RefreshTokenReusedError } from '../../../domain/refresh-token-reused.error';
import { AccessTokenRevocation } from '../../ports/access-token-revocation.port';
import { RefreshTokenCodec } from '../../ports/refresh-token-codec.port';
import { SessionRepository } from '../../ports/session.repository.port';
import { UserRepository } from '../../ports/user.repository.port';
import { TokenPairMinter } from '../../services/token-pair-minter.service';
import { TokenPair } from '../../services/token-pair';
import { RefreshTokensCommand } from './refresh-tokens.command';

type Outcome =
  { kind: 'rotated'; pair: TokenPair } | { kind: 'reused'; sessionId: string; userId: string };

/**
 * Rotates a refresh token. The token and its session are row-locked, so two
 * concurrent refreshes with one token are serialized. The successor's secret
 * is derived from the presented one: a retry within the grace window (a lost
 * response, or the loser of a race) gets that same successor back with a new
 * access token, so one token never forks into two live ones. Reuse of a spent
 * token beyond the grace, or after its successor was used, revokes the session
 * (committed) and then fails with REFRESH_TOKEN_REUSED; the session's access
 * tokens are revoked too.
 */
@CommandHandler(RefreshTokensCommand)
export class RefreshTokensHandler implements ICommandHandler<RefreshTokensCommand, TokenPair> {
  constructor(
    private readonly sessions: SessionRepository,
    private readonly users: UserRepository,
    private readonly codec: RefreshTokenCodec,
    private readonly minter: TokenPairMinter,
    private readonly revocation: AccessTokenRevocation,
    private readonly unitOfWork: UnitOfWork,
    private readonly clock: Clock,
    private readonly security: SecurityEvents,
  ) {}

  async execute(command: RefreshTokensCommand): Promise<TokenPair> {
    const outcome = await this.unitOfWork.run<Outcome>(async () => {
      const found = await this.sessions.findByTokenHashForUpdate(
        this.codec.hash(command.refreshToken),
      );
      if (!found) throw new UnauthorizedError('Invalid refresh token');
      const { session, token } = found;
      const successor = this.codec.successorOf(command.refreshToken);
      // Only a spent token needs its successor: whether it is still unspent decides replay or reuse.
      const next =
        token.usedAt === null
          ? null
          : ((await this.sessions.findByTokenHashForUpdate(successor.hash))?.token ?? null);
      const decision = session.present(token, this.clock.now(), next);
      await this.sessions.save(session, token);
      if (decision === 'reuse-detected')
        return { kind: 'reused', sessionId: session.id, userId: session.userId };
      const user = await this.users.findById(session.userId);
      if (!user) throw new UnauthorizedError('Invalid refresh token');
      const pair =
        decision === 'replay'
          ? await this.minter.reissue(user, session.id, successor.token)
          : await this.minter.mint(user, session.id, successor);
      return { kind: 'rotated', pair };
    });
    if (outcome.kind === 'rotated') return outcome.pair;
    // The refresh family is already revoked in the database; denylisting its
    // access tokens is best effort (the adapter logs a failure).
    await this.revocation.revokeSession(outcome.sessionId).catch(() => undefined);
    this.security.record({ event: 'refresh_token_reused', userId: outcome.userId });
    throw new RefreshTokenReusedError();
  }
}
