import { Module } from '@nestjs/common';
import { IdentityDirectoryModule } from '../identity/identity-directory.module';
import { NotificationsProcessor } from './adapters/jobs/notifications.processor';
import { NodemailerMailer } from './adapters/smtp/nodemailer.mailer';
import { SendEmailHandler } from './application/commands/send-email/send-email.handler';
import { Mailer } from './application/ports/mailer.port';

/** Notifications (worker only): e-mails caused by other contexts' events. */
@Module({
  imports: [IdentityDirectoryModule],
  providers: [
    NotificationsProcessor,
    SendEmailHandler,
    { provide: Mailer, useClass: NodemailerMailer },
  ],
})
export class NotificationsModule {}
