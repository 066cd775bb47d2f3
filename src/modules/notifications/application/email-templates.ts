import { OutgoingEmail } from './ports/mailer.port';

/** Plain-text e-mails of the shop, one function per kind. */
export const EmailTemplates = {
  welcome(input: { eventId: string; email: string; name: string }): OutgoingEmail {
    return {
      to: input.email,
      subject: 'Welcome to hexashop',
      text: `Hello ${input.name},\n\nyour hexashop account is ready. Happy shopping!\n\n— hexashop`,
      idempotencyKey: input.eventId,
    };
  },
};
