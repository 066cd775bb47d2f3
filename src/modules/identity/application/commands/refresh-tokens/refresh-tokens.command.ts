import { Command } from '@nestjs/cqrs';
import { TokenPair } from '../../services/token-pair';

export class RefreshTokensCommand extends Command<TokenPair> {
  constructor(readonly refreshToken: string) {
    super();
  }
}
