import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { AuditTrail } from '../../../../../shared/kernel/audit-trail.port';
import { Clock } from '../../../../../shared/kernel/clock.port';
import { EventOutbox } from '../../../../../shared/kernel/event-outbox.port';
import { IdGenerator } from '../../../../../shared/kernel/id-generator.port';
import { UnitOfWork } from '../../../../../shared/kernel/unit-of-work.port';
import { EmailTakenError } from '../../../domain/email-taken.error';
import { Email } from '../../../domain/email.value-object';
import { InvalidCredentialsError } from '../../../domain/invalid-credentials.error';
import { MEMBER_TOKEN_TTL_MS } from '../../../domain/member-token';
import { EmailChangeRequested } from '../../events/email-change-requested.integration-event';
import { MemberTokenCodec } from '../../ports/member-token-codec.port';
import { MemberTokenRepository } from '../../ports/member-token.repository.port';
import { PasswordHasher } from '../../ports/password-hasher.port';
import { UserRepository } from '../../ports/user.repository.port';
import { RequestEmailChangeCommand } from './request-email-change.command';

/**
 * Checks the password and that the new address is free, then stores a
 * single-use confirmation token (its hash; the new address sealed) and an
 * EmailChangeRequested event in one transaction. The worker e-mails the link
 * to the new address and a notice to the current one.
 */
@CommandHandler(RequestEmailChangeCommand)
export class RequestEmailChangeHandler implements ICommandHandler<RequestEmailChangeCommand, void> {
  constructor(
    private readonly users: UserRepository,
    private readonly tokens: MemberTokenRepository,
    private readonly codec: MemberTokenCodec,
    private readonly hasher: PasswordHasher,
    private readonly outbox: EventOutbox,
    private readonly audit: AuditTrail,
    private readonly unitOfWork: UnitOfWork,
    private readonly ids: IdGenerator,
    private readonly clock: Clock,
  ) {}

  async execute(command: RequestEmailChangeCommand): Promise<void> {
    const newEmail = Email.parse(command.newEmail);
    const user = await this.users.findById(command.userId);
    if (!user || !(await this.hasher.verify(user.passwordHash, command.currentPassword)))
      throw new InvalidCredentialsError();
    const owner = await this.users.findByEmail(newEmail);
    if (owner) throw new EmailTakenError();
    const now = this.clock.now();
    const tokenId = this.ids.next();
    await this.unitOfWork.run(async () => {
      await this.tokens.add(
        {
          id: tokenId,
          userId: user.id,
          purpose: 'EMAIL_CHANGE',
          newEmail: newEmail.value,
          expiresAt: new Date(now.getTime() + MEMBER_TOKEN_TTL_MS.EMAIL_CHANGE),
          usedAt: null,
        },
        this.codec.hash(this.codec.tokenFor(tokenId)),
        now,
      );
      await this.outbox.append([new EmailChangeRequested({ userId: user.id, tokenId }, now)]);
      await this.audit.recordChange({
        actor: { userId: command.userId, role: command.role },
        action: 'member.email.change-requested',
        subjectUserId: command.userId,
        resource: `user:${command.userId}`,
      });
    });
  }
}
