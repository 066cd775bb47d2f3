import { FixedClock } from '../../../../shared/kernel/testing/fixed-clock.fake';
import { ImmediateUnitOfWork } from '../../../../shared/kernel/testing/immediate-unit-of-work.fake';
import { RecordingAuditTrail } from '../../../../shared/kernel/testing/recording-audit-trail.fake';
import { Email } from '../../domain/email.value-object';
import { Session } from '../../domain/session.aggregate';
import { User } from '../../domain/user.aggregate';
import { InMemorySessionRepository } from './in-memory-session.repository.fake';
import { InMemoryUserRepository } from './in-memory-user.repository.fake';
import { RecordingAccessTokenRevocation } from './recording-access-token-revocation.fake';

/** The identity fakes a handler that changes a member and ends sessions works on, in one unit of work. */
export function memberSessionDoubles() {
  const unitOfWork = new ImmediateUnitOfWork();
  return {
    unitOfWork,
    users: new InMemoryUserRepository(unitOfWork),
    sessions: new InMemorySessionRepository(unitOfWork),
    revocation: new RecordingAccessTokenRevocation(),
    audit: new RecordingAuditTrail(unitOfWork),
  };
}

/** Seeds a CUSTOMER `<id>@example.com` named like its id, created now. */
export function seedCustomer(
  users: InMemoryUserRepository,
  clock: FixedClock,
  id: string,
  passwordHash = 'hash',
): void {
  users.seed(
    User.rehydrate({
      id,
      email: Email.parse(`${id}@example.com`),
      name: id.charAt(0).toUpperCase() + id.slice(1),
      phone: null,
      passwordHash,
      role: 'CUSTOMER',
      createdAt: clock.now(),
    }),
  );
}

/** Starts one session per [sessionId, userId] pair, now. */
export async function startSessions(
  sessions: InMemorySessionRepository,
  clock: FixedClock,
  pairs: ReadonlyArray<readonly [string, string]>,
): Promise<void> {
  for (const [id, userId] of pairs)
    await sessions.add(Session.start({ id, userId, now: clock.now() }));
}
