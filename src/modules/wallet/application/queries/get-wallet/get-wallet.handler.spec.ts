import { InMemoryWalletReadModel } from '../../testing/in-memory-wallet.read-model.fake';
import { GetWalletHandler } from './get-wallet.handler';
import { GetWalletQuery } from './get-wallet.query';

describe(GetWalletHandler.name, () => {
  let readModel: InMemoryWalletReadModel;
  let sut: GetWalletHandler;

  beforeEach(() => {
    readModel = new InMemoryWalletReadModel();
    readModel.put('user-1', { balance: 12_000, points: 120 });
    sut = new GetWalletHandler(readModel);
  });

  it("returns the caller's balance and points", async () => {
    await expect(sut.execute(new GetWalletQuery('user-1'))).resolves.toEqual({
      balance: 12_000,
      points: 120,
    });
  });

  it('returns 0/0 for a user without a wallet', async () => {
    await expect(sut.execute(new GetWalletQuery('user-2'))).resolves.toEqual({
      balance: 0,
      points: 0,
    });
  });
});
