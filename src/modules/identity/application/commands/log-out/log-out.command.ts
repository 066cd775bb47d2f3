import { Command } from '@nestjs/cqrs';

export class LogOutCommand extends Command<void> {
  constructor(
    readonly userId: string,
    readonly sessionId: string,
    readonly accessTokenId: string,
    /** Epoch seconds. */
    readonly accessTokenExpiresAt: number,
    readonly refreshToken?: string,
  ) {
    super();
  }
}
