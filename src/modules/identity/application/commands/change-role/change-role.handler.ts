import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { AuditTrail } from '../../../../../shared/kernel/audit-trail.port';
import { NotFoundError } from '../../../../../shared/kernel/not-found.error';
import { SecurityEvents } from '../../../../../shared/kernel/security-events.port';
import { UnitOfWork } from '../../../../../shared/kernel/unit-of-work.port';
import { UserRepository } from '../../ports/user.repository.port';
import { SessionRevoker } from '../../services/session-revoker.service';
import { Clock } from '../../../../../shared/kernel/clock.port';
import { ChangeRoleCommand } from './change-role.command';

/**
 * Changes the role with its audit row in one transaction and ends the
 * member's sessions (their tokens carry the old role), then records the
 * security event `role_changed` (ADR 0025: a log line and
 * `hexashop_security_events_total`) after the commit: an event for a change
 * that rolled back would be a false alarm.
 */
@CommandHandler(ChangeRoleCommand)
export class ChangeRoleHandler implements ICommandHandler<ChangeRoleCommand, void> {
  constructor(
    private readonly users: UserRepository,
    private readonly security: SecurityEvents,
    private readonly revoker: SessionRevoker,
    private readonly clock: Clock,
    private readonly audit: AuditTrail,
    private readonly unitOfWork: UnitOfWork,
  ) {}

  async execute(command: ChangeRoleCommand): Promise<void> {
    const role = command.role;
    const changed = await this.unitOfWork.run(async () => {
      const user = await this.users.findByIdForUpdate(command.userId);
      if (!user) throw new NotFoundError('user', command.userId);
      const from = user.role;
      if (from === role) return null;
      user.changeRole(role);
      await this.users.save(user);
      // Access tokens carry the role: the member signs in again to get tokens of the new one.
      const ended = await this.revoker.endSessions(user.id, 'ROLE', this.clock.now());
      await this.audit.recordChange({
        actor: { userId: command.actorUserId, role: command.actorRole },
        action: 'admin.user.role-changed',
        subjectUserId: user.id,
        resource: `user:${user.id}:role:${from}->${role}`,
      });
      return { from, ended };
    });
    if (changed === null) return;
    this.security.record({
      event: 'role_changed',
      userId: command.actorUserId,
      subjectUserId: command.userId,
      detail: { from: changed.from, to: role },
    });
    await this.revoker.denylist(changed.ended);
  }
}
