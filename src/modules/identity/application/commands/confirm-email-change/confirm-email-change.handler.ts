import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { AuditTrail } from '../../../../../shared/kernel/audit-trail.port';
import { Clock } from '../../../../../shared/kernel/clock.port';
import { UnitOfWork } from '../../../../../shared/kernel/unit-of-work.port';
import { Email } from '../../../domain/email.value-object';
import { TokenInvalidError } from '../../../domain/token-invalid.error';
import { MemberTokenCodec } from '../../ports/member-token-codec.port';
import { MemberTokenRepository } from '../../ports/member-token.repository.port';
import { UserRepository } from '../../ports/user.repository.port';
import { ConfirmEmailChangeCommand } from './confirm-email-change.command';

/**
 * Spends the confirmation token and switches the account to the new address
 * (its blind index: the UNIQUE constraint answers EMAIL_TAKEN if someone took
 * it meanwhile), with the audit row, in one transaction.
 */
@CommandHandler(ConfirmEmailChangeCommand)
export class ConfirmEmailChangeHandler implements ICommandHandler<ConfirmEmailChangeCommand, void> {
  constructor(
    private readonly users: UserRepository,
    private readonly tokens: MemberTokenRepository,
    private readonly codec: MemberTokenCodec,
    private readonly audit: AuditTrail,
    private readonly unitOfWork: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  async execute(command: ConfirmEmailChangeCommand): Promise<void> {
    await this.unitOfWork.run(async () => {
      const now = this.clock.now();
      const token = await this.tokens.findByHashForUpdate(
        this.codec.hash(command.token),
        'EMAIL_CHANGE',
      );
      if (!token || token.usedAt !== null || token.expiresAt <= now || !token.newEmail)
        throw new TokenInvalidError();
      const user = await this.users.findByIdForUpdate(token.userId);
      if (!user) throw new TokenInvalidError();
      user.changeEmail(Email.parse(token.newEmail));
      await this.users.save(user);
      await this.tokens.markUsed(token.id, now);
      await this.audit.recordChange({
        actor: { userId: user.id, role: user.role },
        action: 'member.email.changed',
        subjectUserId: user.id,
        resource: `user:${user.id}`,
      });
      this.unitOfWork.attributeTo(user.id);
    });
  }
}
