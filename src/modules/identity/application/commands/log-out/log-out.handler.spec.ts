import { RecordingSecurityEvents } from '../../../../../shared/kernel/testing/recording-security-events.fake';
import { FixedClock } from '../../../../../shared/kernel/testing/fixed-clock.fake';
import { ImmediateUnitOfWork } from '../../../../../shared/kernel/testing/immediate-unit-of-work.fake';
import { ServiceUnavailableError } from '../../../../../shared/kernel/service-unavailable.error';
import { RefreshToken } from '../../../domain/refresh-token.entity';
import { Session } from '../../../domain/session.aggregate';
import { FakeRefreshTokenCodec } from '../../testing/fake-refresh-token-codec.fake';
import { InMemorySessionRepository } from '../../testing/in-memory-session.repository.fake';
import { RecordingAccessTokenRevocation } from '../../testing/recording-access-token-revocation.fake';
import { LogOutCommand } from './log-out.command';
import { LogOutHandler } from './log-out.handler';

const ACCESS_EXPIRES_AT = 1_740_000_000;

describe(LogOutHandler.name, () => {
  let unitOfWork: ImmediateUnitOfWork;
  let sessions: InMemorySessionRepository;
  let codec: FakeRefreshTokenCodec;
  let revocation: RecordingAccessTokenRevocation;
  let clock: FixedClock;
  let security: RecordingSecurityEvents;
  let sut: LogOutHandler;

  async function givenSession(id: string, userId: string, refreshSecret: string): Promise<void> {
    await sessions.add(Session.start({ id, userId, now: clock.now() }));
    await sessions.addToken(
      RefreshToken.issue({
        id: `token-of-${id}`,
        sessionId: id,
        tokenHash: codec.hash(refreshSecret),
        expiresAt: new Date(clock.now().getTime() + 3_600_000),
      }),
    );
  }

  const logOut = (refreshToken?: string, sessionId = 'alice-phone') =>
    sut.execute(
      new LogOutCommand('alice', sessionId, 'jti-alice', ACCESS_EXPIRES_AT, refreshToken),
    );

  beforeEach(async () => {
    unitOfWork = new ImmediateUnitOfWork();
    sessions = new InMemorySessionRepository(unitOfWork);
    codec = new FakeRefreshTokenCodec();
    revocation = new RecordingAccessTokenRevocation();
    clock = new FixedClock(new Date('2025-03-01T12:00:00.000Z'));
    security = new RecordingSecurityEvents();
    sut = new LogOutHandler(sessions, codec, revocation, unitOfWork, clock, security);

    await givenSession('alice-phone', 'alice', 'alice-phone-secret');
    await givenSession('alice-laptop', 'alice', 'alice-laptop-secret');
    await givenSession('bob-phone', 'bob', 'bob-phone-secret');
    clock.advance(1_000);
  });

  const revoked = () =>
    sessions
      .storedSessions()
      .filter((session) => session.isRevoked())
      .map((session) => session.id);

  it("revokes the caller's session for logout", async () => {
    await logOut();

    expect(revoked()).toEqual(['alice-phone']);
    const session = sessions.storedSession('alice-phone');
    expect(session?.revokedReason).toBe('LOGOUT');
    expect(session?.revokedAt).toEqual(clock.now());
    expect(unitOfWork.committed).toHaveLength(1);
    expect(security.events).toEqual([{ event: 'logged_out', userId: 'alice' }]);
  });

  it('denylists the access token until it expires and the access tokens of the session', async () => {
    await logOut();

    expect(revocation.revokeTokenCalls).toEqual([
      { tokenId: 'jti-alice', expiresAt: ACCESS_EXPIRES_AT },
    ]);
    expect(revocation.revokeSessionCalls).toEqual(['alice-phone']);
  });

  it('also revokes the session of a refresh token of the same user', async () => {
    await logOut('alice-laptop-secret');

    expect(revoked().sort()).toEqual(['alice-laptop', 'alice-phone']);
    expect([...revocation.revokeSessionCalls].sort()).toEqual(['alice-laptop', 'alice-phone']);
  });

  it('ignores a refresh token of another user', async () => {
    await logOut('bob-phone-secret');

    expect(revoked()).toEqual(['alice-phone']);
    expect(revocation.revokeSessionCalls).toEqual(['alice-phone']);
  });

  it('ignores an unknown refresh token', async () => {
    await logOut('never-issued');

    expect(revoked()).toEqual(['alice-phone']);
  });

  it('does not revoke a session of another user named by the command', async () => {
    await logOut(undefined, 'bob-phone');

    expect(revoked()).toEqual([]);
    expect(revocation.revokeSessionCalls).toEqual([]);
    expect(revocation.revokeTokenCalls).toHaveLength(1);
  });

  it('is idempotent: a second logout keeps the first revocation', async () => {
    await logOut();
    const firstRevokedAt = sessions.storedSession('alice-phone')?.revokedAt;
    clock.advance(5_000);

    await logOut();

    expect(sessions.storedSession('alice-phone')?.revokedAt).toEqual(firstRevokedAt);
  });

  it('reports ServiceUnavailableError when the access token cannot be revoked, but still revokes the sessions', async () => {
    revocation.failure = new Error('redis down');

    await expect(logOut('alice-laptop-secret')).rejects.toBeInstanceOf(ServiceUnavailableError);

    expect(revoked().sort()).toEqual(['alice-laptop', 'alice-phone']);
    expect(unitOfWork.rolledBack).toEqual([]);
  });
});
