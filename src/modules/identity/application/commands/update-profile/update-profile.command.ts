import { Command } from '@nestjs/cqrs';

/** Changes the caller's name and/or phone (`null` removes the phone; undefined keeps a field). */
export class UpdateProfileCommand extends Command<void> {
  constructor(
    readonly userId: string,
    readonly role: string,
    readonly name: string | undefined,
    readonly phone: string | null | undefined,
  ) {
    super();
  }
}
