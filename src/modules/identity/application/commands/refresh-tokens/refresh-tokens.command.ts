import { Command } from '@nestjs/cqrs';
import { TokenPair } from '../token-pair';

export class RefreshTokensCommand extends Command<TokenPair> {
  constructor(readonly refreshToken: string) {
    super();
  }
}
