import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Mailer } from '../../ports/mailer.port';
import { SendEmailCommand } from './send-email.command';

@CommandHandler(SendEmailCommand)
export class SendEmailHandler implements ICommandHandler<SendEmailCommand, void> {
  constructor(private readonly mailer: Mailer) {}

  async execute(command: SendEmailCommand): Promise<void> {
    await this.mailer.send(command.email);
  }
}
