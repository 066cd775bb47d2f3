import { Command } from '@nestjs/cqrs';
import { TokenPair } from '../../services/token-pair';

export class LogInCommand extends Command<TokenPair> {
  constructor(
    readonly email: string,
    readonly password: string,
    /** The client's address, for brute-force limits. */
    readonly clientAddress: string,
  ) {
    super();
  }
}
