import { TestingModule } from '@nestjs/testing';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { insertUser } from '../../../../../test/support/users';
import { createPlatformContext } from '../../../../../test/support/platform-context';
import { TransactionContext } from '../../../../platform/database/transaction-context';
import { Clock } from '../../../../shared/kernel/clock.port';
import { UnitOfWork } from '../../../../shared/kernel/unit-of-work.port';
import { TypeOrmCartContents } from './typeorm-cart.contents';
import { TypeOrmCartRepository } from './typeorm-cart.repository';

describe(TypeOrmCartContents.name, () => {
  let context: TestingModule;
  let unitOfWork: UnitOfWork;
  let dataSource: DataSource;
  let repository: TypeOrmCartRepository;
  let sut: TypeOrmCartContents;
  // Added to carts in the opposite of product-id order.
  const [productA, productB] = [randomUUID(), randomUUID()].sort() as [string, string];
  const productC = randomUUID();
  const categoryId = randomUUID();

  beforeAll(async () => {
    context = await createPlatformContext();
    unitOfWork = context.get(UnitOfWork);
    dataSource = context.get(DataSource);
    const transaction = context.get(TransactionContext);
    sut = new TypeOrmCartContents(transaction);
    repository = new TypeOrmCartRepository(transaction, context.get(Clock));
    await dataSource.query(
      'INSERT INTO categories (id, name, created_at) VALUES (?, ?, UTC_TIMESTAMP(3))',
      [categoryId, `cart-int-${categoryId.slice(0, 8)}`],
    );
    for (const id of [productA, productB, productC]) {
      await dataSource.query(
        `INSERT INTO products (id, name, description, price, stock, category_id, status, created_at, updated_at)
         VALUES (?, 'Cart probe', '', 1000, 10, ?, 'ACTIVE', UTC_TIMESTAMP(3), UTC_TIMESTAMP(3))`,
        [id, categoryId],
      );
    }
  });

  afterAll(async () => {
    await context.close();
  });

  /** A new user whose cart holds B (added first) and A (added second). */
  const userWithCart = async (): Promise<string> => {
    const userId = await insertUser(dataSource);
    await unitOfWork.run(async () => {
      await repository.lockForChange(userId);
      await repository.saveLine(userId, { productId: productB, quantity: 2 }, new Date(1_000));
      await repository.saveLine(userId, { productId: productA, quantity: 5 }, new Date(2_000));
    });
    return userId;
  };

  const storedLines = async (userId: string): Promise<Array<[string, number]>> =>
    (
      (await dataSource.query(
        'SELECT product_id, quantity FROM cart_items WHERE user_id = ? ORDER BY product_id',
        [userId],
      )) as Array<{ product_id: string; quantity: number }>
    ).map((row) => [row.product_id, Number(row.quantity)]);

  it('returns the lines ordered by product id, not by when they were added', async () => {
    const userId = await userWithCart();

    const lines = await unitOfWork.run(() => sut.linesForCheckout(userId));

    expect(lines).toEqual([
      { productId: productA, quantity: 5 },
      { productId: productB, quantity: 2 },
    ]);
  });

  it('returns no lines for a user who never had a cart', async () => {
    await expect(unitOfWork.run(() => sut.linesForCheckout(randomUUID()))).resolves.toEqual([]);
  });

  it("clears the user's cart when the caller's transaction commits, and no one else's", async () => {
    const userId = await userWithCart();
    const other = await userWithCart();

    await unitOfWork.run(async () => {
      await sut.linesForCheckout(userId);
      await sut.clear(userId);
    });

    expect(await storedLines(userId)).toEqual([]);
    expect(await storedLines(other)).toHaveLength(2);
  });

  it("keeps the cart when the caller's transaction rolls back", async () => {
    const userId = await userWithCart();

    await expect(
      unitOfWork.run(async () => {
        await sut.linesForCheckout(userId);
        await sut.clear(userId);
        throw new Error('payment failed');
      }),
    ).rejects.toThrow('payment failed');

    expect(await storedLines(userId)).toEqual([
      [productA, 5],
      [productB, 2],
    ]);
  });

  it('makes a concurrent addition of a new product wait for the checkout, so clear cannot lose it', async () => {
    const userId = await userWithCart();
    const events: string[] = [];
    let locked!: () => void;
    const checkoutLocked = new Promise<void>((resolve) => (locked = resolve));

    const checkout = unitOfWork.run(async () => {
      const lines = await sut.linesForCheckout(userId);
      locked();
      await new Promise((resolve) => setTimeout(resolve, 400));
      await sut.clear(userId);
      events.push('checkout done');
      return lines;
    });
    await checkoutLocked;
    const addition = unitOfWork.run(async () => {
      await repository.lockForChange(userId);
      events.push('addition locked');
      await repository.saveLine(userId, { productId: productC, quantity: 1 }, new Date());
    });
    const [lines] = await Promise.all([checkout, addition]);

    expect(lines.map((line) => line.productId)).toEqual([productA, productB]);
    expect(events).toEqual(['checkout done', 'addition locked']);
    expect(await storedLines(userId)).toEqual([[productC, 1]]);
  });

  it('refuses to run outside a transaction, where its locks would not hold', async () => {
    await expect(sut.linesForCheckout(randomUUID())).rejects.toThrow(/UnitOfWork/);
    await expect(sut.clear(randomUUID())).rejects.toThrow(/UnitOfWork/);
  });
});
