import { Command } from '@nestjs/cqrs';
import { OutgoingEmail } from '../../ports/mailer.port';

/** Send one e-mail (already rendered); retried by the job system on failure. */
export class SendEmailCommand extends Command<void> {
  constructor(readonly email: OutgoingEmail) {
    super();
  }
}
