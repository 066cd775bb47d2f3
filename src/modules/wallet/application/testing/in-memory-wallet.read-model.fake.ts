import { ValidationError } from '../../../../shared/kernel/validation.error';
import { WalletView } from '../queries/get-wallet/wallet.view';
import {
  WalletTransactionPage,
  WalletTransactionView,
} from '../queries/list-wallet-transactions/wallet-transaction.view';
import { WalletReadModel } from '../ports/wallet.read-model.port';

/** Wallet views in maps; the cursor is the last id shown, ids sort by time. */
export class InMemoryWalletReadModel extends WalletReadModel {
  private readonly wallets = new Map<string, WalletView>();
  private readonly transactions = new Map<string, WalletTransactionView[]>();
  /** Every listTransactions call, in order. */
  readonly listCalls: Array<{ userId: string; limit: number; cursor?: string }> = [];

  /** Puts a wallet view in place. */
  put(userId: string, view: WalletView): void {
    this.wallets.set(userId, view);
  }

  /** Adds ledger views of a user. */
  add(userId: string, ...views: WalletTransactionView[]): void {
    this.transactions.set(userId, [...(this.transactions.get(userId) ?? []), ...views]);
  }

  async findByUser(userId: string): Promise<WalletView> {
    return this.wallets.get(userId) ?? { balance: 0, points: 0 };
  }

  async listTransactions(
    userId: string,
    limit: number,
    cursor?: string,
  ): Promise<WalletTransactionPage> {
    this.listCalls.push({ userId, limit, ...(cursor === undefined ? {} : { cursor }) });
    if (cursor !== undefined && !cursor.startsWith('after:')) {
      throw new ValidationError([{ field: 'cursor', message: 'cursor is not valid' }]);
    }
    const after = cursor?.slice('after:'.length);
    const newestFirst = [...(this.transactions.get(userId) ?? [])].sort((a, b) =>
      b.id.localeCompare(a.id),
    );
    const rest = after === undefined ? newestFirst : newestFirst.filter((view) => view.id < after);
    const items = rest.slice(0, limit);
    const more = rest.length > limit;
    return { items, nextCursor: more ? `after:${items[items.length - 1]!.id}` : null };
  }
}
