import { ImmediateUnitOfWork } from '../../../../../shared/kernel/testing/immediate-unit-of-work.fake';
import { InMemoryCartRepository } from '../../testing/in-memory-cart.repository.fake';
import { RemoveCartItemCommand } from './remove-cart-item.command';
import { RemoveCartItemHandler } from './remove-cart-item.handler';

describe(RemoveCartItemHandler.name, () => {
  let unitOfWork: ImmediateUnitOfWork;
  let carts: InMemoryCartRepository;
  let sut: RemoveCartItemHandler;

  beforeEach(() => {
    unitOfWork = new ImmediateUnitOfWork();
    carts = new InMemoryCartRepository(unitOfWork);
    carts.seed('user-1', [
      { productId: 'p-1', quantity: 1 },
      { productId: 'p-2', quantity: 2 },
    ]);
    carts.seed('user-2', [{ productId: 'p-1', quantity: 5 }]);
    sut = new RemoveCartItemHandler(carts, unitOfWork);
  });

  it("removes the product from the caller's cart only, in a committed transaction", async () => {
    await sut.execute(new RemoveCartItemCommand('user-1', 'p-1'));

    expect(carts.linesOf('user-1').map((line) => line.productId)).toEqual(['p-2']);
    expect(carts.linesOf('user-2').map((line) => line.productId)).toEqual(['p-1']);
    expect(unitOfWork.committed).toHaveLength(1);
  });

  it('succeeds when the product is not in the cart', async () => {
    await expect(
      sut.execute(new RemoveCartItemCommand('user-1', 'p-absent')),
    ).resolves.toBeUndefined();

    expect(carts.linesOf('user-1')).toHaveLength(2);
  });
});
