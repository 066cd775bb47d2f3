import { Command } from '@nestjs/cqrs';

/** The caller erases their account (password required). */
export class EraseMemberCommand extends Command<void> {
  constructor(
    readonly userId: string,
    readonly role: string,
    readonly password: string,
  ) {
    super();
  }
}
