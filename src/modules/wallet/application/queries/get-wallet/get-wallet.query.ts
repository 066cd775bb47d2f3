import { Query } from '@nestjs/cqrs';
import { WalletView } from './wallet.view';

export class GetWalletQuery extends Query<WalletView> {
  constructor(readonly userId: string) {
    super();
  }
}
