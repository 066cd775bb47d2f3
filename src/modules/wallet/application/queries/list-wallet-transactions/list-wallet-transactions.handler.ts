import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { ValidationError } from '../../../../../shared/kernel/validation.error';
import { WalletReadModel } from '../../ports/wallet.read-model.port';
import { ListWalletTransactionsQuery } from './list-wallet-transactions.query';
import { WalletTransactionPage } from './wallet-transaction.view';

/** The caller's ledger, newest first, with keyset pagination. */
@QueryHandler(ListWalletTransactionsQuery)
export class ListWalletTransactionsHandler implements IQueryHandler<
  ListWalletTransactionsQuery,
  WalletTransactionPage
> {
  static readonly MAX_LIMIT = 100;

  constructor(private readonly wallets: WalletReadModel) {}

  async execute(query: ListWalletTransactionsQuery): Promise<WalletTransactionPage> {
    const { limit } = query;
    if (!Number.isInteger(limit) || limit < 1 || limit > ListWalletTransactionsHandler.MAX_LIMIT) {
      throw new ValidationError([{ field: 'limit', message: 'limit must be from 1 to 100' }]);
    }
    return this.wallets.listTransactions(query.userId, limit, query.cursor);
  }
}
