import { ValidationError } from '../../../shared/kernel/validation.error';
import { CatalogLimits } from './catalog-limits';
import { Product, ProductChanges } from './product.aggregate';

const NOW = new Date('2025-01-15T09:00:00.000Z');
const LATER = new Date('2025-01-15T10:30:00.000Z');

type CreateInput = Parameters<typeof Product.create>[0];

function create(overrides: Partial<CreateInput> = {}): Product {
  return Product.create({
    id: 'product-1',
    name: 'Espresso Beans',
    description: 'Dark roast, 1 kg.',
    price: 24_000,
    stock: 10,
    categoryId: 'category-1',
    now: NOW,
    ...overrides,
  });
}

function thrown(action: () => unknown): ValidationError {
  try {
    action();
  } catch (error) {
    if (error instanceof ValidationError) return error;
    throw error;
  }
  throw new Error('no ValidationError was thrown');
}

const fields = (error: ValidationError): string[] => error.errors.map((e) => e.field);

describe(Product.name, () => {
  describe('create', () => {
    it('creates an ACTIVE product with createdAt = updatedAt = now', () => {
      const sut = create();

      expect(sut.id).toBe('product-1');
      expect(sut.name).toBe('Espresso Beans');
      expect(sut.description).toBe('Dark roast, 1 kg.');
      expect(sut.price).toBe(24_000);
      expect(sut.stock).toBe(10);
      expect(sut.categoryId).toBe('category-1');
      expect(sut.status).toBe('ACTIVE');
      expect(sut.createdAt).toEqual(NOW);
      expect(sut.updatedAt).toEqual(NOW);
    });

    it('keeps a status given explicitly', () => {
      expect(create({ status: 'HIDDEN' }).status).toBe('HIDDEN');
    });

    it('trims the name', () => {
      expect(create({ name: ' \t Espresso Beans  ' }).name).toBe('Espresso Beans');
    });

    it.each([
      ['a name of 1 character', { name: 'x' }],
      [`a name of ${CatalogLimits.nameLength.max} characters`, { name: 'x'.repeat(200) }],
      ['an empty description', { description: '' }],
      [
        `a description of ${CatalogLimits.descriptionMaxLength} characters`,
        { description: 'd'.repeat(CatalogLimits.descriptionMaxLength) },
      ],
      ['price 0', { price: 0 }],
      [`price ${CatalogLimits.maxPrice}`, { price: CatalogLimits.maxPrice }],
      ['stock 0', { stock: 0 }],
      [`stock ${CatalogLimits.maxStock}`, { stock: CatalogLimits.maxStock }],
    ])('accepts %s', (_label, overrides) => {
      expect(() => create(overrides)).not.toThrow();
    });

    it.each([
      ['an empty name', { name: '' }, 'name'],
      ['a blank name', { name: '   ' }, 'name'],
      [
        `a name of ${CatalogLimits.nameLength.max + 1} characters`,
        { name: 'x'.repeat(CatalogLimits.nameLength.max + 1) },
        'name',
      ],
      [
        `a description of ${CatalogLimits.descriptionMaxLength + 1} characters`,
        { description: 'd'.repeat(CatalogLimits.descriptionMaxLength + 1) },
        'description',
      ],
      ['a negative price', { price: -1 }, 'price'],
      ['a price above the maximum', { price: CatalogLimits.maxPrice + 1 }, 'price'],
      ['a fractional price', { price: 10.5 }, 'price'],
      ['a NaN price', { price: Number.NaN }, 'price'],
      ['a negative stock', { stock: -1 }, 'stock'],
      ['a stock above the maximum', { stock: CatalogLimits.maxStock + 1 }, 'stock'],
      ['a fractional stock', { stock: 0.5 }, 'stock'],
    ])('rejects %s with a ValidationError on that field', (_label, overrides, field) => {
      expect(fields(thrown(() => create(overrides)))).toEqual([field]);
    });

    it('reports every invalid field at once', () => {
      const error = thrown(() =>
        create({
          name: '',
          description: 'd'.repeat(CatalogLimits.descriptionMaxLength + 1),
          price: -1,
          stock: -1,
        }),
      );

      expect(fields(error)).toEqual(['name', 'description', 'price', 'stock']);
    });
  });

  describe('update', () => {
    it('applies the given changes, returns true and moves updatedAt', () => {
      const sut = create();

      const changed = sut.update({ name: '  Decaf Beans ', price: 19_000, stock: 3 }, LATER);

      expect(changed).toBe(true);
      expect(sut.name).toBe('Decaf Beans');
      expect(sut.price).toBe(19_000);
      expect(sut.stock).toBe(3);
      expect(sut.description).toBe('Dark roast, 1 kg.');
      expect(sut.categoryId).toBe('category-1');
      expect(sut.createdAt).toEqual(NOW);
      expect(sut.updatedAt).toEqual(LATER);
    });

    it('ignores fields given as undefined', () => {
      const sut = create();

      expect(sut.update({ name: undefined, price: undefined, description: 'New' }, LATER)).toBe(
        true,
      );
      expect(sut.name).toBe('Espresso Beans');
      expect(sut.price).toBe(24_000);
      expect(sut.description).toBe('New');
    });

    it.each<[string, ProductChanges]>([
      ['no changes', {}],
      ['only undefined values', { price: undefined, stock: undefined }],
      [
        'the current values',
        {
          name: 'Espresso Beans',
          description: 'Dark roast, 1 kg.',
          price: 24_000,
          stock: 10,
          categoryId: 'category-1',
          status: 'ACTIVE',
        },
      ],
      ['the current name with surrounding spaces', { name: '  Espresso Beans ' }],
    ])('returns false and keeps updatedAt for %s', (_label, changes) => {
      const sut = create();

      expect(sut.update(changes, LATER)).toBe(false);
      expect(sut.updatedAt).toEqual(NOW);
    });

    it('rejects an invalid change and leaves the product as it was', () => {
      const sut = create();

      const error = thrown(() => sut.update({ name: 'Valid', price: -5 }, LATER));

      expect(fields(error)).toEqual(['price']);
      expect(sut.name).toBe('Espresso Beans');
      expect(sut.price).toBe(24_000);
      expect(sut.updatedAt).toEqual(NOW);
    });

    it('can hide and re-activate through status', () => {
      const sut = create();

      expect(sut.update({ status: 'HIDDEN' }, LATER)).toBe(true);
      expect(sut.status).toBe('HIDDEN');
      expect(sut.update({ status: 'ACTIVE' }, LATER)).toBe(true);
      expect(sut.status).toBe('ACTIVE');
    });
  });

  describe('hide', () => {
    it('makes the product HIDDEN and moves updatedAt', () => {
      const sut = create();

      sut.hide(LATER);

      expect(sut.status).toBe('HIDDEN');
      expect(sut.updatedAt).toEqual(LATER);
    });

    it('is idempotent: hiding a hidden product changes nothing, not even updatedAt', () => {
      const sut = create();
      sut.hide(LATER);

      sut.hide(new Date('2025-02-01T00:00:00.000Z'));

      expect(sut.status).toBe('HIDDEN');
      expect(sut.updatedAt).toEqual(LATER);
    });
  });

  describe('validateAdjustment', () => {
    it.each([1, -1, CatalogLimits.maxAdjustment, -CatalogLimits.maxAdjustment])(
      'accepts %p',
      (delta) => {
        expect(() => Product.validateAdjustment(delta)).not.toThrow();
      },
    );

    it.each([
      0,
      1.5,
      CatalogLimits.maxAdjustment + 1,
      -CatalogLimits.maxAdjustment - 1,
      Number.NaN,
      Number.POSITIVE_INFINITY,
    ])('rejects %p with a ValidationError on delta', (delta) => {
      expect(fields(thrown(() => Product.validateAdjustment(delta)))).toEqual(['delta']);
    });
  });

  describe('rehydrate', () => {
    it('restores the stored state as it is', () => {
      const sut = Product.rehydrate({
        id: 'product-9',
        name: 'Old Mug',
        description: '',
        price: 500,
        stock: 0,
        categoryId: 'category-2',
        status: 'HIDDEN',
        createdAt: NOW,
        updatedAt: LATER,
      });

      expect(sut.status).toBe('HIDDEN');
      expect(sut.stock).toBe(0);
      expect(sut.updatedAt).toEqual(LATER);
      expect(sut.pullEvents()).toEqual([]);
    });
  });
});
