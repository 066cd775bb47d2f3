import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { AuditTrail } from '../../../../../shared/kernel/audit-trail.port';
import { Clock } from '../../../../../shared/kernel/clock.port';
import { UnitOfWork } from '../../../../../shared/kernel/unit-of-work.port';
import { TokenInvalidError } from '../../../domain/token-invalid.error';
import { MemberTokenCodec } from '../../ports/member-token-codec.port';
import { MemberTokenRepository } from '../../ports/member-token.repository.port';
import { PasswordHasher } from '../../ports/password-hasher.port';
import { UserRepository } from '../../ports/user.repository.port';
import { SessionRevoker } from '../../services/session-revoker.service';
import { ConfirmPasswordResetCommand } from './confirm-password-reset.command';

/**
 * Spends the reset token, stores the new argon2id hash and ends every
 * session of the member, with the audit row, in one transaction; then
 * denylists the sessions' access tokens.
 */
@CommandHandler(ConfirmPasswordResetCommand)
export class ConfirmPasswordResetHandler implements ICommandHandler<
  ConfirmPasswordResetCommand,
  void
> {
  constructor(
    private readonly users: UserRepository,
    private readonly tokens: MemberTokenRepository,
    private readonly codec: MemberTokenCodec,
    private readonly hasher: PasswordHasher,
    private readonly revoker: SessionRevoker,
    private readonly audit: AuditTrail,
    private readonly unitOfWork: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  async execute(command: ConfirmPasswordResetCommand): Promise<void> {
    // Hashed before the transaction (slow, needs no lock); wasted only on a bad token.
    const hash = await this.hasher.hash(command.newPassword);
    const ended = await this.unitOfWork.run(async () => {
      const now = this.clock.now();
      const token = await this.tokens.findByHashForUpdate(
        this.codec.hash(command.token),
        'PASSWORD_RESET',
      );
      if (!token || token.usedAt !== null || token.expiresAt <= now) throw new TokenInvalidError();
      const user = await this.users.findByIdForUpdate(token.userId);
      if (!user) throw new TokenInvalidError();
      user.changePassword(hash);
      await this.users.save(user);
      await this.tokens.markUsed(token.id, now);
      const ended = await this.revoker.endSessions(user.id, 'RESET', now);
      await this.audit.recordChange({
        actor: { userId: user.id, role: user.role },
        action: 'member.password.reset',
        subjectUserId: user.id,
        resource: `user:${user.id}`,
      });
      return ended;
    });
    await this.revoker.denylist(ended);
  }
}
