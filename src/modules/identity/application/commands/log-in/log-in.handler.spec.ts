import { FixedClock } from '../../../../../shared/kernel/testing/fixed-clock.fake';
import { ImmediateUnitOfWork } from '../../../../../shared/kernel/testing/immediate-unit-of-work.fake';
import { RecordingSecurityEvents } from '../../../../../shared/kernel/testing/recording-security-events.fake';
import { SequentialIdGenerator } from '../../../../../shared/kernel/testing/sequential-id-generator.fake';
import { RateLimitedError } from '../../../../../shared/kernel/rate-limited.error';
import { Email } from '../../../domain/email.value-object';
import { InvalidCredentialsError } from '../../../domain/invalid-credentials.error';
import { User } from '../../../domain/user.aggregate';
import { FakeAccessTokenIssuer } from '../../testing/fake-access-token-issuer.fake';
import { FakeLoginThrottle } from '../../testing/fake-login-throttle.fake';
import { FakePasswordHasher } from '../../testing/fake-password-hasher.fake';
import { FakeRefreshTokenCodec } from '../../testing/fake-refresh-token-codec.fake';
import { InMemorySessionRepository } from '../../testing/in-memory-session.repository.fake';
import { InMemoryUserRepository } from '../../testing/in-memory-user.repository.fake';
import { TokenPairMinter } from '../../services/token-pair-minter.service';
import { LogInCommand } from './log-in.command';
import { LogInHandler } from './log-in.handler';

const PASSWORD = 'correct horse battery';
const CLIENT = '203.0.113.7';
const ACCESS_TTL = 1234;
const REFRESH_TTL = 7200;
const MAX_FAILURES = 3;
const RETRY_AFTER = 420;

describe(LogInHandler.name, () => {
  let unitOfWork: ImmediateUnitOfWork;
  let users: InMemoryUserRepository;
  let sessions: InMemorySessionRepository;
  let hasher: FakePasswordHasher;
  let throttle: FakeLoginThrottle;
  let issuer: FakeAccessTokenIssuer;
  let codec: FakeRefreshTokenCodec;
  let clock: FixedClock;
  let alice: User;
  let security: RecordingSecurityEvents;
  let sut: LogInHandler;

  beforeEach(() => {
    unitOfWork = new ImmediateUnitOfWork();
    users = new InMemoryUserRepository(unitOfWork);
    sessions = new InMemorySessionRepository(unitOfWork);
    hasher = new FakePasswordHasher(unitOfWork);
    throttle = new FakeLoginThrottle(MAX_FAILURES, RETRY_AFTER);
    issuer = new FakeAccessTokenIssuer(ACCESS_TTL);
    codec = new FakeRefreshTokenCodec(REFRESH_TTL);
    clock = new FixedClock(new Date('2025-03-01T12:00:00.000Z'));
    const ids = new SequentialIdGenerator('id');
    const minter = new TokenPairMinter(sessions, codec, issuer, ids, clock);
    alice = User.register({
      id: 'user-alice',
      email: Email.parse('alice@example.com'),
      name: 'Alice',
      passwordHash: FakePasswordHasher.hashOf(PASSWORD),
      now: clock.now(),
    });
    users.seed(alice);
    security = new RecordingSecurityEvents();
    sut = new LogInHandler(
      users,
      sessions,
      hasher,
      throttle,
      minter,
      unitOfWork,
      ids,
      clock,
      security,
    );
  });

  describe('with the right credentials', () => {
    it('returns a Bearer pair with the lifetime given by the issuer', async () => {
      const pair = await sut.execute(new LogInCommand('alice@example.com', PASSWORD, CLIENT));

      expect(pair).toEqual({
        accessToken: issuer.issued[0]!.token,
        refreshToken: expect.any(String),
        tokenType: 'Bearer',
        expiresIn: ACCESS_TTL,
      });
    });

    it('starts a session for the user and stores the refresh token of that session', async () => {
      const pair = await sut.execute(new LogInCommand('alice@example.com', PASSWORD, CLIENT));

      const [session] = sessions.storedSessions();
      expect(sessions.storedSessions()).toHaveLength(1);
      expect(session!.userId).toBe(alice.id);
      expect(session!.isRevoked()).toBe(false);
      const token = sessions.storedToken(codec.hash(pair.refreshToken));
      expect(token?.sessionId).toBe(session!.id);
      expect(token?.usedAt).toBeNull();
      expect(token?.expiresAt).toEqual(new Date(clock.now().getTime() + REFRESH_TTL * 1000));
      expect(issuer.issued.map((issued) => issued.subject)).toEqual([
        { userId: alice.id, role: 'CUSTOMER', sessionId: session!.id },
      ]);
    });

    it('writes in one committed unit of work attributed to the user', async () => {
      await sut.execute(new LogInCommand('alice@example.com', PASSWORD, CLIENT));

      expect(unitOfWork.committed).toHaveLength(1);
      expect(unitOfWork.attributions).toEqual([
        { userId: alice.id, transaction: unitOfWork.committed[0] },
      ]);
    });

    it('resets the failure counter of the email', async () => {
      await throttle.recordFailure('alice@example.com', CLIENT);

      await sut.execute(new LogInCommand('alice@example.com', PASSWORD, CLIENT));

      expect(throttle.resets).toEqual(['alice@example.com']);
      expect(throttle.failuresFor('alice@example.com')).toBe(0);
    });

    it('normalises the email for the lookup and the throttle', async () => {
      await sut.execute(new LogInCommand('  ALICE@Example.com ', PASSWORD, CLIENT));

      expect(sessions.storedSessions()).toHaveLength(1);
      expect(throttle.resets).toEqual(['alice@example.com']);
    });

    it('starts a separate session on each login', async () => {
      const first = await sut.execute(new LogInCommand('alice@example.com', PASSWORD, CLIENT));
      const second = await sut.execute(new LogInCommand('alice@example.com', PASSWORD, CLIENT));

      expect(second.refreshToken).not.toBe(first.refreshToken);
      const sessionIds = sessions.storedSessions().map((session) => session.id);
      expect(new Set(sessionIds).size).toBe(2);
    });
  });

  describe('with a wrong password', () => {
    it('fails with InvalidCredentialsError and records a failure', async () => {
      await expect(
        sut.execute(new LogInCommand('Alice@example.com', 'wrong', CLIENT)),
      ).rejects.toBeInstanceOf(InvalidCredentialsError);

      expect(throttle.failures).toEqual([{ email: 'alice@example.com', clientAddress: CLIENT }]);
      expect(sessions.storedSessions()).toEqual([]);
      expect(sessions.storedTokens()).toEqual([]);
      expect(issuer.issued).toEqual([]);
      expect(throttle.resets).toEqual([]);
    });
  });

  describe('with an unknown email', () => {
    it('fails with InvalidCredentialsError and records a failure', async () => {
      await expect(
        sut.execute(new LogInCommand('bob@example.com', PASSWORD, CLIENT)),
      ).rejects.toBeInstanceOf(InvalidCredentialsError);

      expect(throttle.failures).toEqual([{ email: 'bob@example.com', clientAddress: CLIENT }]);
      expect(sessions.storedSessions()).toEqual([]);
    });

    it('still verifies a password against a hash, so timing does not reveal the email is unknown', async () => {
      await expect(
        sut.execute(new LogInCommand('bob@example.com', PASSWORD, CLIENT)),
      ).rejects.toThrow();

      expect(hasher.verifyCalls).toHaveLength(1);
      expect(hasher.verifyCalls[0]!.password).toBe(PASSWORD);
    });

    it('fails even with the password that matches the stand-in hash', async () => {
      await expect(
        sut.execute(new LogInCommand('bob@example.com', PASSWORD, CLIENT)),
      ).rejects.toThrow();
      const standIn = hasher.verifyCalls[0]!.hash;
      const standInPassword = hasher.hashCalls.find(
        (call) => FakePasswordHasher.hashOf(call.password) === standIn,
      );
      expect(standInPassword).toBeDefined();

      await expect(
        sut.execute(new LogInCommand('bob@example.com', standInPassword!.password, CLIENT)),
      ).rejects.toBeInstanceOf(InvalidCredentialsError);
      expect(sessions.storedSessions()).toEqual([]);
    });
  });

  describe('when throttled', () => {
    beforeEach(async () => {
      for (let i = 0; i < MAX_FAILURES; i++)
        await throttle.recordFailure('alice@example.com', `10.0.0.${i}`);
    });

    it('fails with RateLimitedError carrying the wait, even with the right password', async () => {
      const error = await sut
        .execute(new LogInCommand('alice@example.com', PASSWORD, CLIENT))
        .catch((e: unknown) => e);

      expect(error).toBeInstanceOf(RateLimitedError);
      expect((error as RateLimitedError).retryAfterSeconds).toBe(RETRY_AFTER);
      expect(sessions.storedSessions()).toEqual([]);
    });

    it('never verifies the password', async () => {
      await expect(
        sut.execute(new LogInCommand('ALICE@example.com', PASSWORD, CLIENT)),
      ).rejects.toThrow();

      expect(hasher.verifyCalls).toEqual([]);
      expect(hasher.hashCalls).toEqual([]);
    });

    it('also applies to the client address, whatever the email', async () => {
      for (let i = 0; i < MAX_FAILURES; i++)
        await throttle.recordFailure(`x${i}@example.com`, CLIENT);

      await expect(
        sut.execute(new LogInCommand('carol@example.com', 'whatever', CLIENT)),
      ).rejects.toBeInstanceOf(RateLimitedError);
      expect(hasher.verifyCalls).toEqual([]);
    });
  });

  it('locks an email out after repeated wrong passwords', async () => {
    for (let i = 0; i < MAX_FAILURES; i++) {
      await expect(
        sut.execute(new LogInCommand('alice@example.com', 'wrong', `10.1.0.${i}`)),
      ).rejects.toBeInstanceOf(InvalidCredentialsError);
    }

    await expect(
      sut.execute(new LogInCommand('alice@example.com', PASSWORD, CLIENT)),
    ).rejects.toBeInstanceOf(RateLimitedError);
  });

  it.each(['not-an-email', '', 'alice@'])(
    'answers a malformed email %j with InvalidCredentialsError, not a validation error',
    async (email) => {
      await expect(sut.execute(new LogInCommand(email, PASSWORD, CLIENT))).rejects.toBeInstanceOf(
        InvalidCredentialsError,
      );

      expect(sessions.storedSessions()).toEqual([]);
    },
  );

  describe('security events (user id, never the e-mail)', () => {
    it('records login_succeeded with the user id', async () => {
      await sut.execute(new LogInCommand('alice@example.com', PASSWORD, CLIENT));
      expect(security.events).toEqual([{ event: 'login_succeeded', userId: alice.id }]);
    });

    it('records login_failed with the user id for a wrong password, null for an unknown e-mail', async () => {
      await expect(
        sut.execute(new LogInCommand('alice@example.com', 'wrong', CLIENT)),
      ).rejects.toBeInstanceOf(InvalidCredentialsError);
      await expect(
        sut.execute(new LogInCommand('bob@example.com', PASSWORD, CLIENT)),
      ).rejects.toBeInstanceOf(InvalidCredentialsError);
      expect(security.events).toEqual([
        { event: 'login_failed', userId: alice.id },
        { event: 'login_failed', userId: null },
      ]);
      expect(JSON.stringify(security.events)).not.toContain('example.com');
    });

    it('records login_locked_out when the throttle refuses the attempt', async () => {
      for (let i = 0; i < MAX_FAILURES; i++)
        await sut
          .execute(new LogInCommand('alice@example.com', 'wrong', CLIENT))
          .catch(() => undefined);
      await expect(
        sut.execute(new LogInCommand('alice@example.com', PASSWORD, CLIENT)),
      ).rejects.toBeInstanceOf(RateLimitedError);
      expect(security.names().at(-1)).toBe('login_locked_out');
    });
  });
});
