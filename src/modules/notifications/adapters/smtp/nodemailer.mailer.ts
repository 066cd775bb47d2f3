import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { createTransport, Transporter } from 'nodemailer';
import { AppConfig } from '../../../../platform/config/app-config';
import { Mailer, OutgoingEmail } from '../../application/ports/mailer.port';

/** SMTP through nodemailer with pooled connections and bounded waits at every step. */
@Injectable()
export class NodemailerMailer extends Mailer implements OnApplicationShutdown {
  private readonly logger = new Logger(NodemailerMailer.name);
  private readonly transport: Transporter;

  constructor(private readonly config: AppConfig) {
    super();
    const url = new URL(config.smtpUrl ?? 'smtp://127.0.0.1:25');
    this.transport = createTransport({
      host: url.hostname,
      port: Number(url.port || (url.protocol === 'smtps:' ? 465 : 25)),
      secure: url.protocol === 'smtps:',
      ignoreTLS: url.protocol === 'smtp:' && url.searchParams.get('starttls') !== 'true',
      auth: url.username
        ? { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) }
        : undefined,
      pool: true,
      maxConnections: 5,
      connectionTimeout: 5_000,
      greetingTimeout: 5_000,
      socketTimeout: 15_000,
    });
  }

  async send(email: OutgoingEmail): Promise<void> {
    const info = (await this.transport.sendMail({
      from: this.config.mailFrom,
      to: email.to,
      subject: email.subject,
      text: email.text,
      html: email.html,
      messageId: `<${email.idempotencyKey}@hexashop>`,
    })) as { messageId: string };
    this.logger.log(`sent "${email.subject}" as ${info.messageId}`);
  }

  onApplicationShutdown(): void {
    this.transport.close();
  }
}
