import { ValidationError } from '../../../shared/kernel/validation.error';
import { CatalogLimits } from './catalog-limits';
import { Category } from './category.aggregate';

const NOW = new Date('2025-01-15T09:00:00.000Z');

function create(name: string): Category {
  return Category.create({ id: 'category-1', name, now: NOW });
}

describe(Category.name, () => {
  it('creates a category with the given id and time', () => {
    const sut = create('Coffee');

    expect(sut.id).toBe('category-1');
    expect(sut.name).toBe('Coffee');
    expect(sut.createdAt).toEqual(NOW);
  });

  it('trims the name', () => {
    expect(create('  Coffee \t').name).toBe('Coffee');
  });

  it(`accepts names of 1 and ${CatalogLimits.categoryNameLength.max} characters`, () => {
    expect(create('C').name).toBe('C');
    expect(create('c'.repeat(CatalogLimits.categoryNameLength.max)).name).toHaveLength(
      CatalogLimits.categoryNameLength.max,
    );
  });

  it.each([
    ['empty', ''],
    ['blank', '    '],
    [
      `${CatalogLimits.categoryNameLength.max + 1} characters`,
      'c'.repeat(CatalogLimits.categoryNameLength.max + 1),
    ],
  ])('rejects a name that is %s with a ValidationError on name', (_label, name) => {
    let error: unknown;
    try {
      create(name);
    } catch (caught) {
      error = caught;
    }

    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).errors.map((e) => e.field)).toEqual(['name']);
  });
});
