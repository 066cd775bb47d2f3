import { Command } from '@nestjs/cqrs';

export interface SignUpResult {
  readonly id: string;
  readonly email: string;
  readonly name: string;
  readonly role: string;
}

export class SignUpCommand extends Command<SignUpResult> {
  constructor(
    readonly email: string,
    readonly password: string,
    readonly name: string,
  ) {
    super();
  }
}
