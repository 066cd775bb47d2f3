import { ImmediateUnitOfWork } from '../../../../../shared/kernel/testing/immediate-unit-of-work.fake';
import { InMemoryCartRepository } from '../../testing/in-memory-cart.repository.fake';
import { ClearCartCommand } from './clear-cart.command';
import { ClearCartHandler } from './clear-cart.handler';

describe(ClearCartHandler.name, () => {
  let unitOfWork: ImmediateUnitOfWork;
  let carts: InMemoryCartRepository;
  let sut: ClearCartHandler;

  beforeEach(() => {
    unitOfWork = new ImmediateUnitOfWork();
    carts = new InMemoryCartRepository(unitOfWork);
    carts.seed('user-1', [
      { productId: 'p-1', quantity: 1 },
      { productId: 'p-2', quantity: 2 },
    ]);
    carts.seed('user-2', [{ productId: 'p-1', quantity: 5 }]);
    sut = new ClearCartHandler(carts, unitOfWork);
  });

  it("empties the caller's cart and leaves others alone", async () => {
    await sut.execute(new ClearCartCommand('user-1'));

    expect(carts.linesOf('user-1')).toEqual([]);
    expect(carts.linesOf('user-2')).toHaveLength(1);
    expect(unitOfWork.committed).toHaveLength(1);
  });

  it('is fine with an empty cart', async () => {
    await sut.execute(new ClearCartCommand('user-3'));

    expect(carts.linesOf('user-3')).toEqual([]);
  });
});
