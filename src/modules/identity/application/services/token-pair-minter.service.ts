import { Clock } from '../../../../shared/kernel/clock.port';
import { IdGenerator } from '../../../../shared/kernel/id-generator.port';
import { RefreshToken } from '../../domain/refresh-token.entity';
import { AccessTokenIssuer } from '../ports/access-token-issuer.port';
import { RefreshTokenCodec } from '../ports/refresh-token-codec.port';
import { SessionRepository } from '../ports/session.repository.port';
import { TokenPair } from './token-pair';

/** Mints a token pair in a session: a new refresh token row and a signed access token. */
export class TokenPairMinter {
  constructor(
    private readonly sessions: SessionRepository,
    private readonly codec: RefreshTokenCodec,
    private readonly issuer: AccessTokenIssuer,
    private readonly ids: IdGenerator,
    private readonly clock: Clock,
  ) {}

  /**
   * Stores `secret` (a new random one by default) as the session's next
   * refresh token and signs an access token. Must run inside the UnitOfWork
   * that owns the session.
   */
  async mint(
    user: { id: string; role: string },
    sessionId: string,
    secret: { token: string; hash: string } = this.codec.generate(),
  ): Promise<TokenPair> {
    const expiresAt = new Date(this.clock.now().getTime() + this.codec.ttlSeconds() * 1000);
    await this.sessions.addToken(
      RefreshToken.issue({ id: this.ids.next(), sessionId, tokenHash: secret.hash, expiresAt }),
    );
    return this.pair(user, sessionId, secret.token);
  }

  /** A pair around a refresh token the session already holds (a replayed rotation): stores nothing. */
  reissue(
    user: { id: string; role: string },
    sessionId: string,
    refreshToken: string,
  ): Promise<TokenPair> {
    return this.pair(user, sessionId, refreshToken);
  }

  private async pair(
    user: { id: string; role: string },
    sessionId: string,
    refreshToken: string,
  ): Promise<TokenPair> {
    const access = await this.issuer.issue({ userId: user.id, role: user.role, sessionId });
    return {
      accessToken: access.token,
      refreshToken,
      tokenType: 'Bearer',
      expiresIn: access.expiresIn,
    };
  }
}
