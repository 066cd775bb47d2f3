import { FixedClock } from '../../../../../shared/kernel/testing/fixed-clock.fake';
import { ImmediateUnitOfWork } from '../../../../../shared/kernel/testing/immediate-unit-of-work.fake';
import { RecordingAuditTrail } from '../../../../../shared/kernel/testing/recording-audit-trail.fake';
import { InvalidCredentialsError } from '../../../domain/invalid-credentials.error';
import { SessionRevoker } from '../../services/session-revoker.service';
import { FakePasswordHasher } from '../../testing/fake-password-hasher.fake';
import { InMemorySessionRepository } from '../../testing/in-memory-session.repository.fake';
import {
  memberSessionDoubles,
  seedCustomer,
  startSessions,
} from '../../testing/member-sessions.fake';
import { InMemoryUserRepository } from '../../testing/in-memory-user.repository.fake';
import { RecordingAccessTokenRevocation } from '../../testing/recording-access-token-revocation.fake';
import { ChangePasswordCommand } from './change-password.command';
import { ChangePasswordHandler } from './change-password.handler';

describe(ChangePasswordHandler.name, () => {
  let unitOfWork: ImmediateUnitOfWork;
  let users: InMemoryUserRepository;
  let sessions: InMemorySessionRepository;
  let revocation: RecordingAccessTokenRevocation;
  let audit: RecordingAuditTrail;
  let sut: ChangePasswordHandler;
  const clock = new FixedClock(new Date('2026-12-01T10:00:00.000Z'));

  beforeEach(async () => {
    ({ unitOfWork, users, sessions, revocation, audit } = memberSessionDoubles());
    sut = new ChangePasswordHandler(
      users,
      new FakePasswordHasher(),
      new SessionRevoker(sessions, revocation),
      audit,
      unitOfWork,
      clock,
    );
    seedCustomer(users, clock, 'alice', FakePasswordHasher.hashOf('old-password'));
    await startSessions(sessions, clock, [
      ['alice-phone', 'alice'],
      ['alice-laptop', 'alice'],
      ['bob-phone', 'bob'],
    ]);
  });

  const change = (current: string) =>
    sut.execute(
      new ChangePasswordCommand('alice', 'CUSTOMER', 'alice-phone', current, 'new-password'),
    );

  it('stores the new hash and ends every other session of the member, with the audit row, in one transaction', async () => {
    await change('old-password');

    const [transaction] = unitOfWork.committed;
    expect((await users.findById('alice'))?.passwordHash).toBe(
      FakePasswordHasher.hashOf('new-password'),
    );
    expect(sessions.storedSession('alice-laptop')?.revokedReason).toBe('PASSWORD');
    expect(sessions.storedSession('alice-phone')?.isRevoked()).toBe(false);
    expect(sessions.storedSession('bob-phone')?.isRevoked()).toBe(false);
    expect(revocation.revokeSessionCalls).toEqual(['alice-laptop']);
    expect(audit.entries).toEqual([
      expect.objectContaining({
        kind: 'change',
        action: 'member.password.changed',
        subjectUserId: 'alice',
        transaction,
      }),
    ]);
  });

  it('refuses a wrong current password and changes nothing', async () => {
    await expect(change('guess')).rejects.toBeInstanceOf(InvalidCredentialsError);

    expect((await users.findById('alice'))?.passwordHash).toBe(
      FakePasswordHasher.hashOf('old-password'),
    );
    expect(sessions.storedSession('alice-laptop')?.isRevoked()).toBe(false);
    expect(revocation.revokeSessionCalls).toEqual([]);
    expect(audit.entries).toEqual([]);
  });
});
