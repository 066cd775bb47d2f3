import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Clock } from '../../../../../shared/kernel/clock.port';
import { EventOutbox } from '../../../../../shared/kernel/event-outbox.port';
import { IdGenerator } from '../../../../../shared/kernel/id-generator.port';
import { RateLimitedError } from '../../../../../shared/kernel/rate-limited.error';
import { UnitOfWork } from '../../../../../shared/kernel/unit-of-work.port';
import { ValidationError } from '../../../../../shared/kernel/validation.error';
import { Email } from '../../../domain/email.value-object';
import { MEMBER_TOKEN_TTL_MS } from '../../../domain/member-token';
import { PasswordResetRequested } from '../../events/password-reset-requested.integration-event';
import { MemberTokenCodec } from '../../ports/member-token-codec.port';
import { MemberTokenRepository } from '../../ports/member-token.repository.port';
import { PasswordResetThrottle } from '../../ports/password-reset-throttle.port';
import { UserRepository } from '../../ports/user.repository.port';
import { RequestPasswordResetCommand } from './request-password-reset.command';

/**
 * Counts the request per address and per client first (the same for known
 * and unknown addresses, so a 429 says nothing about an account), then, only
 * for an existing account, stores a 30-minute single-use token (its hash)
 * and a PasswordResetRequested event; the worker e-mails the token.
 */
@CommandHandler(RequestPasswordResetCommand)
export class RequestPasswordResetHandler implements ICommandHandler<
  RequestPasswordResetCommand,
  void
> {
  constructor(
    private readonly users: UserRepository,
    private readonly tokens: MemberTokenRepository,
    private readonly codec: MemberTokenCodec,
    private readonly throttle: PasswordResetThrottle,
    private readonly outbox: EventOutbox,
    private readonly unitOfWork: UnitOfWork,
    private readonly ids: IdGenerator,
    private readonly clock: Clock,
  ) {}

  async execute(command: RequestPasswordResetCommand): Promise<void> {
    let email: Email;
    try {
      email = Email.parse(command.email);
    } catch (error) {
      // Not an address: nobody to write to, and the same 202 as for anyone else.
      if (error instanceof ValidationError) return;
      throw error;
    }
    const wait = await this.throttle.hit(email.value, command.clientAddress);
    if (wait > 0) throw new RateLimitedError(wait, 'Too many password reset requests, try later');
    const user = await this.users.findByEmail(email);
    if (!user) return;
    const now = this.clock.now();
    const tokenId = this.ids.next();
    await this.unitOfWork.run(async () => {
      await this.tokens.add(
        {
          id: tokenId,
          userId: user.id,
          purpose: 'PASSWORD_RESET',
          newEmail: null,
          expiresAt: new Date(now.getTime() + MEMBER_TOKEN_TTL_MS.PASSWORD_RESET),
          usedAt: null,
        },
        this.codec.hash(this.codec.tokenFor(tokenId)),
        now,
      );
      await this.outbox.append([new PasswordResetRequested({ userId: user.id, tokenId }, now)]);
    });
  }
}
