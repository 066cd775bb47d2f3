import { Category } from '../../domain/category.aggregate';

/** Categories on the write side. */
export abstract class CategoryRepository {
  /** Inserts a category; throws ValidationError (field `name`) when the name is taken. */
  abstract add(category: Category): Promise<void>;

  /** True when the category exists (read from the primary). */
  abstract exists(id: string): Promise<boolean>;
}
