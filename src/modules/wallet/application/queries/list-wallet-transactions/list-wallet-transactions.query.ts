import { Query } from '@nestjs/cqrs';
import { WalletTransactionPage } from './wallet-transaction.view';

export class ListWalletTransactionsQuery extends Query<WalletTransactionPage> {
  constructor(
    readonly userId: string,
    readonly limit: number,
    readonly cursor?: string,
  ) {
    super();
  }
}
