import { Command } from '@nestjs/cqrs';

/** The token from the reset e-mail and the new password; every session ends. */
export class ConfirmPasswordResetCommand extends Command<void> {
  constructor(
    readonly token: string,
    readonly newPassword: string,
  ) {
    super();
  }
}
