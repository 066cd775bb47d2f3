import { Command } from '@nestjs/cqrs';

/** The caller asks to use another e-mail address; it takes effect once confirmed from that address. */
export class RequestEmailChangeCommand extends Command<void> {
  constructor(
    readonly userId: string,
    readonly role: string,
    readonly currentPassword: string,
    readonly newEmail: string,
  ) {
    super();
  }
}
