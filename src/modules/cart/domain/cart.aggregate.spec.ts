import { ValidationError } from '../../../shared/kernel/validation.error';
import { Cart, CartItem } from './cart.aggregate';
import { CartLimits } from './cart-limits';

const productId = (n: number): string => `p-${String(n).padStart(3, '0')}`;

function cartWith(count: number): Cart {
  const items: CartItem[] = Array.from({ length: count }, (_, i) => ({
    productId: productId(i),
    quantity: 1,
  }));
  return Cart.rehydrate({ userId: 'user-1', items });
}

function errorOf(work: () => unknown): ValidationError {
  try {
    work();
  } catch (error) {
    if (error instanceof ValidationError) return error;
    throw error;
  }
  throw new Error('no ValidationError was thrown');
}

describe(Cart.name, () => {
  it('adds a new line and replaces the quantity of an existing one', () => {
    const sut = cartWith(0);

    sut.setQuantity('p-b', 2);
    sut.setQuantity('p-a', 1);
    sut.setQuantity('p-b', 7);

    expect(sut.lines).toEqual([
      { productId: 'p-a', quantity: 1 },
      { productId: 'p-b', quantity: 7 },
    ]);
    expect(sut.quantityOf('p-b')).toBe(7);
    expect(sut.quantityOf('p-zzz')).toBe(0);
  });

  it.each([0, 101, 1.5, -1, Number.NaN])('rejects quantity %p naming quantity', (quantity) => {
    const sut = cartWith(0);

    const error = errorOf(() => sut.setQuantity('p-a', quantity));

    expect(error.errors.map((e) => e.field)).toEqual(['quantity']);
    expect(sut.lines).toEqual([]);
  });

  it('accepts the bounds 1 and 100', () => {
    const sut = cartWith(0);

    sut.setQuantity('p-a', CartLimits.quantity.min);
    sut.setQuantity('p-b', CartLimits.quantity.max);

    expect(sut.lines.map((line) => line.quantity)).toEqual([1, 100]);
  });

  it('takes a 50th line but refuses a 51st', () => {
    const sut = cartWith(49);

    sut.setQuantity('p-new-50', 1);
    const error = errorOf(() => sut.setQuantity('p-new-51', 1));

    expect(error.errors.map((e) => e.field)).toEqual(['productId']);
    expect(sut.lines).toHaveLength(50);
    expect(sut.quantityOf('p-new-51')).toBe(0);
  });

  it('still changes the quantity of a line in a full cart', () => {
    const sut = cartWith(50);

    sut.setQuantity(productId(10), 9);

    expect(sut.quantityOf(productId(10))).toBe(9);
    expect(sut.lines).toHaveLength(50);
  });
});
