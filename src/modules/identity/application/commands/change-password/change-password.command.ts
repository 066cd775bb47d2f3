import { Command } from '@nestjs/cqrs';

/** The caller changes their password; every other session ends, the caller's stays. */
export class ChangePasswordCommand extends Command<void> {
  constructor(
    readonly userId: string,
    readonly role: string,
    readonly sessionId: string,
    readonly currentPassword: string,
    readonly newPassword: string,
  ) {
    super();
  }
}
