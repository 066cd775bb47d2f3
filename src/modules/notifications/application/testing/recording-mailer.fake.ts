import { Mailer, OutgoingEmail } from '../ports/mailer.port';

/**
 * Keeps accepted e-mails in memory. Set `failure` to make `send` reject with
 * it, like a mail server that refuses the message.
 */
export class RecordingMailer extends Mailer {
  readonly sent: OutgoingEmail[] = [];
  failure: Error | undefined;

  async send(email: OutgoingEmail): Promise<void> {
    if (this.failure) throw this.failure;
    this.sent.push(email);
  }
}
