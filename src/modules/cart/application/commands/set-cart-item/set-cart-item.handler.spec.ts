import { FixedClock } from '../../../../../shared/kernel/testing/fixed-clock.fake';
import { ImmediateUnitOfWork } from '../../../../../shared/kernel/testing/immediate-unit-of-work.fake';
import { NotFoundError } from '../../../../../shared/kernel/not-found.error';
import { ValidationError } from '../../../../../shared/kernel/validation.error';
import { FakeProductCatalog } from '../../testing/fake-product-catalog.fake';
import { InMemoryCartRepository } from '../../testing/in-memory-cart.repository.fake';
import { SetCartItemCommand } from './set-cart-item.command';
import { SetCartItemHandler } from './set-cart-item.handler';

describe(SetCartItemHandler.name, () => {
  let unitOfWork: ImmediateUnitOfWork;
  let carts: InMemoryCartRepository;
  let catalog: FakeProductCatalog;
  let clock: FixedClock;
  let sut: SetCartItemHandler;

  beforeEach(() => {
    unitOfWork = new ImmediateUnitOfWork();
    carts = new InMemoryCartRepository(unitOfWork);
    catalog = new FakeProductCatalog();
    catalog.put('p-1');
    catalog.put('p-2');
    clock = new FixedClock(new Date('2025-03-01T10:00:00.000Z'));
    sut = new SetCartItemHandler(carts, catalog, unitOfWork, clock);
  });

  const set = (productId: string, quantity: number, userId = 'user-1') =>
    sut.execute(new SetCartItemCommand(userId, productId, quantity));

  it('adds a new line with the quantity, added now, after taking the cart lock in the same transaction', async () => {
    await set('p-1', 3);

    expect(carts.linesOf('user-1')).toEqual([
      {
        userId: 'user-1',
        productId: 'p-1',
        quantity: 3,
        addedAt: clock.now(),
        updatedAt: clock.now(),
        transaction: unitOfWork.committed[0],
      },
    ]);
    expect(carts.locks).toEqual([{ userId: 'user-1', transaction: unitOfWork.committed[0] }]);
    expect(catalog.requests).toEqual([['p-1']]);
  });

  it('replaces (does not add to) the quantity of a line and keeps when it was added', async () => {
    await set('p-1', 3);
    const addedAt = clock.now();
    clock.advance(60_000);

    await set('p-1', 5);

    const [line] = carts.linesOf('user-1');
    expect(line).toMatchObject({ quantity: 5, addedAt, updatedAt: clock.now() });
    expect(carts.linesOf('user-1')).toHaveLength(1);
  });

  it("changes only the caller's cart", async () => {
    carts.seed('user-2', [{ productId: 'p-1', quantity: 9 }]);

    await set('p-1', 1, 'user-1');

    expect(carts.linesOf('user-2').map((line) => line.quantity)).toEqual([9]);
    expect(carts.linesOf('user-1').map((line) => line.quantity)).toEqual([1]);
  });

  it.each([
    ['unknown', undefined],
    ['hidden', 'HIDDEN' as const],
  ])('rejects a %s product with NotFoundError and writes nothing', async (_label, status) => {
    if (status) catalog.put('p-3', { status });

    const error = await set('p-3', 1).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(NotFoundError);
    expect((error as NotFoundError).message).toContain('p-3');
    expect(carts.linesOf('user-1')).toEqual([]);
    expect(unitOfWork.committed).toEqual([]);
  });

  it('accepts an ACTIVE product whose stock is short (the view marks it unavailable)', async () => {
    catalog.put('p-3', { stock: 0 });

    await set('p-3', 2);

    expect(carts.linesOf('user-1').map((line) => line.quantity)).toEqual([2]);
  });

  it('refuses a 51st distinct product with a ValidationError and rolls back', async () => {
    const full = Array.from({ length: 50 }, (_, i) => ({ productId: `seeded-${i}`, quantity: 1 }));
    carts.seed('user-1', full);

    const error = await set('p-1', 1).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).errors.map((e) => e.field)).toEqual(['productId']);
    expect(carts.linesOf('user-1')).toHaveLength(50);
    expect(carts.linesOf('user-1').some((line) => line.productId === 'p-1')).toBe(false);
    expect(unitOfWork.rolledBack).toHaveLength(1);
  });

  it('takes a 50th line and still changes quantities in a full cart', async () => {
    carts.seed(
      'user-1',
      Array.from({ length: 49 }, (_, i) => ({ productId: `seeded-${i}`, quantity: 1 })),
    );

    await set('p-1', 1);
    await set('p-1', 4);

    expect(carts.linesOf('user-1')).toHaveLength(50);
    expect(carts.linesOf('user-1').find((line) => line.productId === 'p-1')?.quantity).toBe(4);
  });

  it.each([0, 101, 2.5])(
    'rejects quantity %p with a ValidationError naming quantity',
    async (q) => {
      const error = await set('p-1', q).catch((e: unknown) => e);

      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).errors.map((e) => e.field)).toEqual(['quantity']);
      expect(carts.linesOf('user-1')).toEqual([]);
    },
  );
});
