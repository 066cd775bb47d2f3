import { Command } from '@nestjs/cqrs';

/** Someone asks for a reset e-mail for an address; the answer never says whether it exists. */
export class RequestPasswordResetCommand extends Command<void> {
  constructor(
    readonly email: string,
    readonly clientAddress: string,
  ) {
    super();
  }
}
