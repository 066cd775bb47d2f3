import { Command } from '@nestjs/cqrs';

/** The token from the confirmation e-mail: the new address becomes the login. */
export class ConfirmEmailChangeCommand extends Command<void> {
  constructor(readonly token: string) {
    super();
  }
}
