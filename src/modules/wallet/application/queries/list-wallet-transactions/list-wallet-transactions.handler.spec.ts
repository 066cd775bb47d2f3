import { ValidationError } from '../../../../../shared/kernel/validation.error';
import { InMemoryWalletReadModel } from '../../testing/in-memory-wallet.read-model.fake';
import { ListWalletTransactionsHandler } from './list-wallet-transactions.handler';
import { ListWalletTransactionsQuery } from './list-wallet-transactions.query';
import { WalletTransactionView } from './wallet-transaction.view';

describe(ListWalletTransactionsHandler.name, () => {
  const view = (id: string): WalletTransactionView => ({
    id,
    type: 'CHARGE',
    amount: 100,
    balanceAfter: 100,
    pointsAfter: 0,
    createdAt: '2025-03-01T09:00:00.000Z',
  });
  let readModel: InMemoryWalletReadModel;
  let sut: ListWalletTransactionsHandler;

  beforeEach(() => {
    readModel = new InMemoryWalletReadModel();
    readModel.add('user-1', view('a'), view('b'), view('c'));
    readModel.add('user-2', view('z'));
    sut = new ListWalletTransactionsHandler(readModel);
  });

  it("pages through the caller's ledger, newest first", async () => {
    const first = await sut.execute(new ListWalletTransactionsQuery('user-1', 2));
    const second = await sut.execute(
      new ListWalletTransactionsQuery('user-1', 2, first.nextCursor ?? undefined),
    );

    expect(first.items.map((item) => item.id)).toEqual(['c', 'b']);
    expect(second.items.map((item) => item.id)).toEqual(['a']);
    expect(second.nextCursor).toBeNull();
  });

  it.each([0, 101, 2.5])('rejects a limit of %p without reading', async (limit) => {
    await expect(
      sut.execute(new ListWalletTransactionsQuery('user-1', limit)),
    ).rejects.toBeInstanceOf(ValidationError);

    expect(readModel.listCalls).toEqual([]);
  });
});
