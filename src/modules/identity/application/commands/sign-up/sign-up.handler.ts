import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Clock } from '../../../../../shared/kernel/clock.port';
import { EventOutbox } from '../../../../../shared/kernel/event-outbox.port';
import { IdGenerator } from '../../../../../shared/kernel/id-generator.port';
import { UnitOfWork } from '../../../../../shared/kernel/unit-of-work.port';
import { Email } from '../../../domain/email.value-object';
import { User } from '../../../domain/user.aggregate';
import { PasswordHasher } from '../../ports/password-hasher.port';
import { UserRepository } from '../../ports/user.repository.port';
import { SignUpCommand, SignUpResult } from './sign-up.command';

/**
 * Registers a customer. The password is hashed before the transaction (it is
 * slow and needs no lock); the user row and its UserRegistered event commit
 * together, and the welcome e-mail follows from the event.
 */
@CommandHandler(SignUpCommand)
export class SignUpHandler implements ICommandHandler<SignUpCommand, SignUpResult> {
  constructor(
    private readonly users: UserRepository,
    private readonly hasher: PasswordHasher,
    private readonly outbox: EventOutbox,
    private readonly unitOfWork: UnitOfWork,
    private readonly ids: IdGenerator,
    private readonly clock: Clock,
  ) {}

  async execute(command: SignUpCommand): Promise<SignUpResult> {
    const email = Email.parse(command.email);
    const passwordHash = await this.hasher.hash(command.password);
    const user = User.register({
      id: this.ids.next(),
      email,
      name: command.name,
      passwordHash,
      now: this.clock.now(),
    });
    // Pulled once: the unit of work may run the work again after a deadlock.
    const events = user.pullEvents();
    await this.unitOfWork.run(async () => {
      await this.users.add(user);
      await this.outbox.append(events);
      this.unitOfWork.attributeTo(user.id);
    });
    return { id: user.id, email: user.email.value, name: user.name, role: user.role };
  }
}
