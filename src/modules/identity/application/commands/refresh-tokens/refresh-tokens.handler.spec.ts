import { FixedClock } from '../../../../../shared/kernel/testing/fixed-clock.fake';
import { ImmediateUnitOfWork } from '../../../../../shared/kernel/testing/immediate-unit-of-work.fake';
import { RecordingSecurityEvents } from '../../../../../shared/kernel/testing/recording-security-events.fake';
import { SequentialIdGenerator } from '../../../../../shared/kernel/testing/sequential-id-generator.fake';
import { UnauthorizedError } from '../../../../../shared/kernel/unauthorized.error';
import { Email } from '../../../domain/email.value-object';
import { RefreshTokenReusedError } from '../../../domain/refresh-token-reused.error';
import { RefreshToken } from '../../../domain/refresh-token.entity';
import { REUSE_GRACE_MS, Session } from '../../../domain/session.aggregate';
import { User } from '../../../domain/user.aggregate';
import { FakeAccessTokenIssuer } from '../../testing/fake-access-token-issuer.fake';
import { FakeRefreshTokenCodec } from '../../testing/fake-refresh-token-codec.fake';
import { InMemorySessionRepository } from '../../testing/in-memory-session.repository.fake';
import { InMemoryUserRepository } from '../../testing/in-memory-user.repository.fake';
import { RecordingAccessTokenRevocation } from '../../testing/recording-access-token-revocation.fake';
import { TokenPairMinter } from '../../services/token-pair-minter.service';
import { RefreshTokensCommand } from './refresh-tokens.command';
import { RefreshTokensHandler } from './refresh-tokens.handler';

const OLD_TOKEN = 'old-refresh-secret';
const ACCESS_TTL = 600;
const REFRESH_TTL = 3600;

describe(RefreshTokensHandler.name, () => {
  let unitOfWork: ImmediateUnitOfWork;
  let users: InMemoryUserRepository;
  let sessions: InMemorySessionRepository;
  let codec: FakeRefreshTokenCodec;
  let issuer: FakeAccessTokenIssuer;
  let revocation: RecordingAccessTokenRevocation;
  let clock: FixedClock;
  let security: RecordingSecurityEvents;
  let sut: RefreshTokensHandler;

  beforeEach(async () => {
    unitOfWork = new ImmediateUnitOfWork();
    users = new InMemoryUserRepository(unitOfWork);
    sessions = new InMemorySessionRepository(unitOfWork);
    codec = new FakeRefreshTokenCodec(REFRESH_TTL);
    issuer = new FakeAccessTokenIssuer(ACCESS_TTL);
    revocation = new RecordingAccessTokenRevocation();
    clock = new FixedClock(new Date('2025-03-01T12:00:00.000Z'));
    const minter = new TokenPairMinter(
      sessions,
      codec,
      issuer,
      new SequentialIdGenerator('token'),
      clock,
    );
    security = new RecordingSecurityEvents();
    sut = new RefreshTokensHandler(
      sessions,
      users,
      codec,
      minter,
      revocation,
      unitOfWork,
      clock,
      security,
    );

    users.seed(
      User.register({
        id: 'user-1',
        email: Email.parse('alice@example.com'),
        name: 'Alice',
        passwordHash: 'h',
        now: clock.now(),
      }),
    );
    await sessions.add(Session.start({ id: 'session-1', userId: 'user-1', now: clock.now() }));
    await sessions.addToken(
      RefreshToken.issue({
        id: 'token-0',
        sessionId: 'session-1',
        tokenHash: codec.hash(OLD_TOKEN),
        expiresAt: new Date(clock.now().getTime() + REFRESH_TTL * 1000),
      }),
    );
    clock.advance(60_000);
  });

  describe('with a fresh token', () => {
    it('returns a new pair for the same session', async () => {
      const pair = await sut.execute(new RefreshTokensCommand(OLD_TOKEN));

      expect(pair).toEqual({
        accessToken: issuer.issued[0]!.token,
        refreshToken: expect.any(String),
        tokenType: 'Bearer',
        expiresIn: ACCESS_TTL,
      });
      expect(pair.refreshToken).not.toBe(OLD_TOKEN);
      expect(issuer.issued[0]!.subject).toEqual({
        userId: 'user-1',
        role: 'CUSTOMER',
        sessionId: 'session-1',
      });
    });

    it('spends the old token and stores the new one, unspent, in the same session', async () => {
      const pair = await sut.execute(new RefreshTokensCommand(OLD_TOKEN));

      expect(sessions.storedToken(codec.hash(OLD_TOKEN))?.usedAt).toEqual(clock.now());
      const fresh = sessions.storedToken(codec.hash(pair.refreshToken));
      expect(fresh?.sessionId).toBe('session-1');
      expect(fresh?.usedAt).toBeNull();
      expect(fresh?.expiresAt).toEqual(new Date(clock.now().getTime() + REFRESH_TTL * 1000));
      expect(unitOfWork.committed).toHaveLength(1);
    });

    it('lets the new token be rotated in turn', async () => {
      const first = await sut.execute(new RefreshTokensCommand(OLD_TOKEN));
      clock.advance(60_000);

      const second = await sut.execute(new RefreshTokensCommand(first.refreshToken));

      expect(second.refreshToken).not.toBe(first.refreshToken);
      expect(sessions.storedToken(codec.hash(first.refreshToken))?.usedAt).toEqual(clock.now());
    });
  });

  it('rejects an unknown token with UnauthorizedError and writes nothing', async () => {
    await expect(sut.execute(new RefreshTokensCommand('never-issued'))).rejects.toBeInstanceOf(
      UnauthorizedError,
    );

    expect(sessions.storedTokens()).toHaveLength(1);
    expect(sessions.storedToken(codec.hash(OLD_TOKEN))?.usedAt).toBeNull();
    expect(issuer.issued).toEqual([]);
  });

  it('rejects an expired token with UnauthorizedError', async () => {
    clock.advance(REFRESH_TTL * 1000);

    await expect(sut.execute(new RefreshTokensCommand(OLD_TOKEN))).rejects.toBeInstanceOf(
      UnauthorizedError,
    );

    expect(sessions.storedToken(codec.hash(OLD_TOKEN))?.usedAt).toBeNull();
    expect(issuer.issued).toEqual([]);
  });

  it('rejects a token of a revoked session with UnauthorizedError', async () => {
    const session = sessions.storedSession('session-1')!;
    session.revoke(clock.now(), 'LOGOUT');
    await sessions.save(session);

    await expect(sut.execute(new RefreshTokensCommand(OLD_TOKEN))).rejects.toBeInstanceOf(
      UnauthorizedError,
    );
    expect(issuer.issued).toEqual([]);
  });

  it('rejects the token of a user who no longer exists and keeps the token unspent', async () => {
    users = new InMemoryUserRepository(unitOfWork);
    const minter = new TokenPairMinter(
      sessions,
      codec,
      issuer,
      new SequentialIdGenerator('token'),
      clock,
    );
    security = new RecordingSecurityEvents();
    sut = new RefreshTokensHandler(
      sessions,
      users,
      codec,
      minter,
      revocation,
      unitOfWork,
      clock,
      security,
    );

    await expect(sut.execute(new RefreshTokensCommand(OLD_TOKEN))).rejects.toBeInstanceOf(
      UnauthorizedError,
    );

    expect(sessions.storedToken(codec.hash(OLD_TOKEN))?.usedAt).toBeNull();
    expect(sessions.storedTokens()).toHaveLength(1);
  });

  describe('when a spent token comes back within the grace window (lost response, lost race)', () => {
    let first: { accessToken: string; refreshToken: string };

    beforeEach(async () => {
      first = await sut.execute(new RefreshTokensCommand(OLD_TOKEN));
      clock.advance(REUSE_GRACE_MS);
    });

    it('answers with the same successor and a new access token, storing no second token', async () => {
      const retry = await sut.execute(new RefreshTokensCommand(OLD_TOKEN));

      expect(retry.refreshToken).toBe(first.refreshToken);
      expect(retry.accessToken).toBe(issuer.issued[1]!.token);
      expect(sessions.storedTokens()).toHaveLength(2);
      expect(sessions.storedSession('session-1')?.isRevoked()).toBe(false);
      expect(revocation.revokeSessionCalls).toEqual([]);
    });

    it('revokes the session when the successor was already used', async () => {
      await sut.execute(new RefreshTokensCommand(first.refreshToken));

      await expect(sut.execute(new RefreshTokensCommand(OLD_TOKEN))).rejects.toBeInstanceOf(
        RefreshTokenReusedError,
      );
      expect(sessions.storedSession('session-1')?.revokedReason).toBe('REUSE');
      expect(revocation.revokeSessionCalls).toEqual(['session-1']);
    });

    it('fails without revoking when the successor is unknown (a token rotated before successors were derived)', async () => {
      sessions.forgetToken(codec.hash(first.refreshToken));

      await expect(sut.execute(new RefreshTokensCommand(OLD_TOKEN))).rejects.toBeInstanceOf(
        UnauthorizedError,
      );
      expect(sessions.storedSession('session-1')?.isRevoked()).toBe(false);
    });
  });

  describe('when a spent token comes back after the grace window', () => {
    let rotated: { refreshToken: string };

    beforeEach(async () => {
      rotated = await sut.execute(new RefreshTokensCommand(OLD_TOKEN));
      clock.advance(REUSE_GRACE_MS + 1);
    });

    it('fails with RefreshTokenReusedError and mints nothing', async () => {
      await expect(sut.execute(new RefreshTokensCommand(OLD_TOKEN))).rejects.toBeInstanceOf(
        RefreshTokenReusedError,
      );

      expect(issuer.issued).toHaveLength(1);
      expect(sessions.storedTokens()).toHaveLength(2);
    });

    it('revokes the session in the repository (committed, not rolled back)', async () => {
      await expect(sut.execute(new RefreshTokensCommand(OLD_TOKEN))).rejects.toThrow();

      const session = sessions.storedSession('session-1');
      expect(session?.isRevoked()).toBe(true);
      expect(session?.revokedReason).toBe('REUSE');
      expect(session?.revokedAt).toEqual(clock.now());
      expect(unitOfWork.rolledBack).toEqual([]);
    });

    it('records refresh_token_reused with the user id of the revoked family', async () => {
      await expect(sut.execute(new RefreshTokensCommand(OLD_TOKEN))).rejects.toThrow();

      expect(security.events).toEqual([
        { event: 'refresh_token_reused', userId: sessions.storedSession('session-1')!.userId },
      ]);
    });

    it('revokes the access tokens of the session', async () => {
      await expect(sut.execute(new RefreshTokensCommand(OLD_TOKEN))).rejects.toThrow();

      expect(revocation.revokeSessionCalls).toEqual(['session-1']);
    });

    it('still fails with RefreshTokenReusedError when the access-token revocation fails', async () => {
      revocation.failure = new Error('redis down');

      await expect(sut.execute(new RefreshTokensCommand(OLD_TOKEN))).rejects.toBeInstanceOf(
        RefreshTokenReusedError,
      );

      expect(revocation.revokeSessionCalls).toEqual(['session-1']);
      expect(sessions.storedSession('session-1')?.isRevoked()).toBe(true);
    });

    it('makes the newest token of the family stop working too', async () => {
      await expect(sut.execute(new RefreshTokensCommand(OLD_TOKEN))).rejects.toThrow();

      await expect(
        sut.execute(new RefreshTokensCommand(rotated.refreshToken)),
      ).rejects.toBeInstanceOf(UnauthorizedError);
    });
  });
});
