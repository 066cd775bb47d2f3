import { Wallet } from '../../domain/wallet.aggregate';

/** Wallets on the write side (primary); every call runs inside UnitOfWork.run. */
export abstract class WalletRepository {
  /**
   * Loads the user's wallet with its row locked (SELECT ... FOR UPDATE) until
   * the transaction ends, creating it at 0/0 first if the user has none.
   * Concurrent changes of one wallet therefore run one after the other.
   */
  abstract lock(userId: string): Promise<Wallet>;

  /**
   * Writes the wallet's balance and points and appends the ledger entries it
   * recorded since `lock`. Fails if the row changed since it was locked (a bug:
   * the lock forbids it) or if a constraint is broken.
   */
  abstract save(wallet: Wallet): Promise<void>;
}
