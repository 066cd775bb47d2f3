import { AggregateRoot } from '../../../shared/kernel/aggregate-root';
import { ValidationError } from '../../../shared/kernel/validation.error';
import { CatalogLimits } from './catalog-limits';

/** A group of products; names are unique. */
export class Category extends AggregateRoot {
  private constructor(
    readonly id: string,
    readonly name: string,
    readonly createdAt: Date,
  ) {
    super();
  }

  static create(input: { id: string; name: string; now: Date }): Category {
    const name = input.name.trim();
    const { min, max } = CatalogLimits.categoryNameLength;
    if (name.length < min || name.length > max) {
      throw new ValidationError([
        { field: 'name', message: `name must be ${min} to ${max} characters` },
      ]);
    }
    return new Category(input.id, name, input.now);
  }
}
