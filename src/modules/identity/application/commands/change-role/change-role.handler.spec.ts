import { FixedClock } from '../../../../../shared/kernel/testing/fixed-clock.fake';
import { ImmediateUnitOfWork } from '../../../../../shared/kernel/testing/immediate-unit-of-work.fake';
import { RecordingAuditTrail } from '../../../../../shared/kernel/testing/recording-audit-trail.fake';
import { RecordingSecurityEvents } from '../../../../../shared/kernel/testing/recording-security-events.fake';
import { NotFoundError } from '../../../../../shared/kernel/not-found.error';
import { SessionRevoker } from '../../services/session-revoker.service';
import { InMemorySessionRepository } from '../../testing/in-memory-session.repository.fake';
import {
  memberSessionDoubles,
  seedCustomer,
  startSessions,
} from '../../testing/member-sessions.fake';
import { InMemoryUserRepository } from '../../testing/in-memory-user.repository.fake';
import { RecordingAccessTokenRevocation } from '../../testing/recording-access-token-revocation.fake';
import { ChangeRoleCommand } from './change-role.command';
import { ChangeRoleHandler } from './change-role.handler';

describe(ChangeRoleHandler.name, () => {
  let unitOfWork: ImmediateUnitOfWork;
  let users: InMemoryUserRepository;
  let sessions: InMemorySessionRepository;
  let revocation: RecordingAccessTokenRevocation;
  let audit: RecordingAuditTrail;
  let security: RecordingSecurityEvents;
  let sut: ChangeRoleHandler;
  const clock = new FixedClock(new Date('2026-12-01T10:00:00.000Z'));

  beforeEach(async () => {
    ({ unitOfWork, users, sessions, revocation, audit } = memberSessionDoubles());
    security = new RecordingSecurityEvents();
    sut = new ChangeRoleHandler(
      users,
      security,
      new SessionRevoker(sessions, revocation),
      clock,
      audit,
      unitOfWork,
    );
    seedCustomer(users, clock, 'bob');
    await startSessions(sessions, clock, [['bob-phone', 'bob']]);
  });

  const promote = (userId = 'bob') =>
    sut.execute(new ChangeRoleCommand('root', 'ADMIN', userId, 'ADMIN'));

  it('changes the role, ends the sessions and writes the audit row in one transaction, then records role_changed', async () => {
    await promote();

    const [transaction] = unitOfWork.committed;
    expect((await users.findById('bob'))?.role).toBe('ADMIN');
    expect(sessions.storedSession('bob-phone')?.revokedReason).toBe('ROLE');
    expect(revocation.revokeSessionCalls).toEqual(['bob-phone']);
    expect(audit.entries).toEqual([
      expect.objectContaining({
        kind: 'change',
        action: 'admin.user.role-changed',
        subjectUserId: 'bob',
        transaction,
      }),
    ]);
    expect(security.events).toEqual([
      {
        event: 'role_changed',
        userId: 'root',
        subjectUserId: 'bob',
        detail: { from: 'CUSTOMER', to: 'ADMIN' },
      },
    ]);
  });

  it('records nothing and keeps the role when the audit row cannot be written (the change rolls back with it)', async () => {
    jest.spyOn(audit, 'recordChange').mockRejectedValueOnce(new Error('audit insert failed'));

    await expect(promote()).rejects.toThrow('audit insert failed');

    // The role and session writes were in the transaction that rolled back.
    expect(unitOfWork.rolledBack).toHaveLength(1);
    expect(unitOfWork.committed).toEqual([]);
    expect(security.events).toEqual([]);
    expect(revocation.revokeSessionCalls).toEqual([]);
  });

  it('records no event and no audit row when the role is already the one asked for', async () => {
    await sut.execute(new ChangeRoleCommand('root', 'ADMIN', 'bob', 'CUSTOMER'));

    expect(audit.entries).toEqual([]);
    expect(security.events).toEqual([]);
    expect(sessions.storedSession('bob-phone')?.isRevoked()).toBe(false);
  });

  it('answers not found for an unknown user and records nothing', async () => {
    await expect(promote('nobody')).rejects.toBeInstanceOf(NotFoundError);

    expect(security.events).toEqual([]);
  });
});
