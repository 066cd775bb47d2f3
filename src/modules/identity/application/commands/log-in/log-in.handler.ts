import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Clock } from '../../../../../shared/kernel/clock.port';
import { IdGenerator } from '../../../../../shared/kernel/id-generator.port';
import { RateLimitedError } from '../../../../../shared/kernel/rate-limited.error';
import { SecurityEvents } from '../../../../../shared/kernel/security-events.port';
import { UnitOfWork } from '../../../../../shared/kernel/unit-of-work.port';
import { ValidationError } from '../../../../../shared/kernel/validation.error';
import { Email } from '../../../domain/email.value-object';
import { InvalidCredentialsError } from '../../../domain/invalid-credentials.error';
import { Session } from '../../../domain/session.aggregate';
import { LoginThrottle } from '../../ports/login-throttle.port';
import { PasswordHasher } from '../../ports/password-hasher.port';
import { SessionRepository } from '../../ports/session.repository.port';
import { UserRepository } from '../../ports/user.repository.port';
import { TokenPairMinter } from '../../services/token-pair-minter.service';
import { TokenPair } from '../../services/token-pair';
import { LogInCommand } from './log-in.command';

/**
 * Checks credentials and starts a session. Failed attempts are counted per
 * email and per client address; past the limit the caller gets 429 before
 * any password is checked. Unknown emails cost the same hashing work as
 * wrong passwords, so response time does not reveal which emails exist.
 */
@CommandHandler(LogInCommand)
export class LogInHandler implements ICommandHandler<LogInCommand, TokenPair> {
  private dummyHash: Promise<string> | undefined;

  constructor(
    private readonly users: UserRepository,
    private readonly sessions: SessionRepository,
    private readonly hasher: PasswordHasher,
    private readonly throttle: LoginThrottle,
    private readonly minter: TokenPairMinter,
    private readonly unitOfWork: UnitOfWork,
    private readonly ids: IdGenerator,
    private readonly clock: Clock,
    private readonly security: SecurityEvents,
  ) {}

  async execute(command: LogInCommand): Promise<TokenPair> {
    let email: Email;
    try {
      email = Email.parse(command.email);
    } catch (error) {
      if (error instanceof ValidationError) throw new InvalidCredentialsError();
      throw error;
    }
    const wait = await this.throttle.retryAfter(email.value, command.clientAddress);
    if (wait > 0) {
      this.security.record({ event: 'login_locked_out', userId: null });
      throw new RateLimitedError(wait, 'Too many failed logins, try again later');
    }

    const user = await this.users.findByEmail(email);
    const valid = user
      ? await this.hasher.verify(user.passwordHash, command.password)
      : await this.hasher.verify(await this.dummy(), command.password).then(() => false);
    if (!user || !valid) {
      await this.throttle.recordFailure(email.value, command.clientAddress);
      this.security.record({ event: 'login_failed', userId: user?.id ?? null });
      throw new InvalidCredentialsError();
    }

    const pair = await this.unitOfWork.run(async () => {
      const session = Session.start({
        id: this.ids.next(),
        userId: user.id,
        now: this.clock.now(),
      });
      await this.sessions.add(session);
      this.unitOfWork.attributeTo(user.id);
      return this.minter.mint(user, session.id);
    });
    await this.throttle.reset(email.value);
    this.security.record({ event: 'login_succeeded', userId: user.id });
    return pair;
  }

  private dummy(): Promise<string> {
    // A failed hash is not cached: the next unknown-email login tries again.
    this.dummyHash ??= this.hasher
      .hash('not-a-real-password-for-timing')
      .catch((error: unknown) => {
        this.dummyHash = undefined;
        throw error;
      });
    return this.dummyHash;
  }
}
