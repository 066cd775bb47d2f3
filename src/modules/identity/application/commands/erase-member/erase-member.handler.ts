import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { AuditTrail } from '../../../../../shared/kernel/audit-trail.port';
import { Clock } from '../../../../../shared/kernel/clock.port';
import { UnitOfWork } from '../../../../../shared/kernel/unit-of-work.port';
import { InvalidCredentialsError } from '../../../domain/invalid-credentials.error';
import { PasswordHasher } from '../../ports/password-hasher.port';
import { UserRepository } from '../../ports/user.repository.port';
import { SessionRevoker } from '../../services/session-revoker.service';
import { EraseMemberCommand } from './erase-member.command';

/**
 * Erasure (ADR 0035), in one transaction: every session ends, the account
 * loses its blind index (the address may sign up again) and its password,
 * its address book and pending tokens go, and the member's key is destroyed
 * with an entry in the erasure log, so every sealed copy of their data
 * (users row, backups, binlogs, replicas) becomes unreadable. The row and the
 * orders, ledger and audit rows naming its id stay. Then the sessions'
 * access tokens are denylisted.
 */
@CommandHandler(EraseMemberCommand)
export class EraseMemberHandler implements ICommandHandler<EraseMemberCommand, void> {
  constructor(
    private readonly users: UserRepository,
    private readonly hasher: PasswordHasher,
    private readonly revoker: SessionRevoker,
    private readonly audit: AuditTrail,
    private readonly unitOfWork: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  async execute(command: EraseMemberCommand): Promise<void> {
    const user = await this.users.findById(command.userId);
    if (!user || !(await this.hasher.verify(user.passwordHash, command.password)))
      throw new InvalidCredentialsError();
    const ended = await this.unitOfWork.run(async () => {
      const now = this.clock.now();
      const locked = await this.users.findByIdForUpdate(command.userId);
      if (!locked) throw new InvalidCredentialsError();
      const ended = await this.revoker.endSessions(locked.id, 'ERASURE', now);
      await this.audit.recordChange({
        actor: { userId: command.userId, role: command.role },
        action: 'member.erased',
        subjectUserId: command.userId,
        resource: `user:${command.userId}`,
      });
      await this.users.erase(locked.id, now);
      return ended;
    });
    await this.revoker.denylist(ended);
  }
}
