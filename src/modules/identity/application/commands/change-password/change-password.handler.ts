import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { AuditTrail } from '../../../../../shared/kernel/audit-trail.port';
import { Clock } from '../../../../../shared/kernel/clock.port';
import { UnitOfWork } from '../../../../../shared/kernel/unit-of-work.port';
import { InvalidCredentialsError } from '../../../domain/invalid-credentials.error';
import { PasswordHasher } from '../../ports/password-hasher.port';
import { UserRepository } from '../../ports/user.repository.port';
import { SessionRevoker } from '../../services/session-revoker.service';
import { ChangePasswordCommand } from './change-password.command';

/**
 * Verifies the current password, stores the new argon2id hash, ends every
 * other session of the member with an audit row in the same transaction,
 * then denylists those sessions' access tokens. The caller's session and
 * access token keep working.
 */
@CommandHandler(ChangePasswordCommand)
export class ChangePasswordHandler implements ICommandHandler<ChangePasswordCommand, void> {
  constructor(
    private readonly users: UserRepository,
    private readonly hasher: PasswordHasher,
    private readonly revoker: SessionRevoker,
    private readonly audit: AuditTrail,
    private readonly unitOfWork: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  async execute(command: ChangePasswordCommand): Promise<void> {
    const current = await this.users.findById(command.userId);
    if (!current || !(await this.hasher.verify(current.passwordHash, command.currentPassword)))
      throw new InvalidCredentialsError();
    const hash = await this.hasher.hash(command.newPassword);
    const ended = await this.unitOfWork.run(async () => {
      const user = await this.users.findByIdForUpdate(command.userId);
      // Changed by someone else since it was verified: ask again.
      if (!user || user.passwordHash !== current.passwordHash) throw new InvalidCredentialsError();
      user.changePassword(hash);
      await this.users.save(user);
      const ended = await this.revoker.endSessions(command.userId, 'PASSWORD', this.clock.now(), [
        command.sessionId,
      ]);
      await this.audit.recordChange({
        actor: { userId: command.userId, role: command.role },
        action: 'member.password.changed',
        subjectUserId: command.userId,
        resource: `user:${command.userId}`,
      });
      return ended;
    });
    await this.revoker.denylist(ended);
  }
}
