import { ImmediateUnitOfWork } from '../../../../shared/kernel/testing/immediate-unit-of-work.fake';
import { ValidationError } from '../../../../shared/kernel/validation.error';
import { Category } from '../../domain/category.aggregate';
import { CategoryRepository } from '../ports/category.repository.port';

/**
 * Categories in a map. Names are unique ignoring case, like the real table's
 * unique index under its case-insensitive collation; what a rolled-back
 * transaction added is gone. `existsCalls` records every lookup.
 */
export class InMemoryCategoryRepository extends CategoryRepository {
  private rows = new Map<string, Category>();
  /** Ids passed to `exists`, in order. */
  readonly existsCalls: string[] = [];

  constructor(unitOfWork?: ImmediateUnitOfWork) {
    super();
    unitOfWork?.enlist({
      checkpoint: () => {
        const saved = new Map(this.rows);
        return () => {
          this.rows = saved;
        };
      },
    });
  }

  /** Puts a category in place without going through a handler. */
  seed(category: Category): void {
    this.rows.set(category.id, category);
  }

  /** Every stored category, in insertion order. */
  all(): Category[] {
    return [...this.rows.values()];
  }

  async add(category: Category): Promise<void> {
    const name = category.name.toLowerCase();
    if (this.all().some((existing) => existing.name.toLowerCase() === name)) {
      throw new ValidationError([
        { field: 'name', message: 'a category with this name already exists' },
      ]);
    }
    this.rows.set(category.id, category);
  }

  async exists(id: string): Promise<boolean> {
    this.existsCalls.push(id);
    return this.rows.has(id);
  }
}
