import { Injectable } from '@nestjs/common';
import { ValidationError } from '../../../../shared/kernel/validation.error';
import { isDuplicateKeyError } from '../../../../platform/database/mysql-errors';
import { TransactionContext } from '../../../../platform/database/transaction-context';
import { CategoryRepository } from '../../application/ports/category.repository.port';
import { Category } from '../../domain/category.aggregate';
import { CategoryOrmEntity } from './category.orm-entity';

@Injectable()
export class TypeOrmCategoryRepository extends CategoryRepository {
  constructor(private readonly transaction: TransactionContext) {
    super();
  }

  async add(category: Category): Promise<void> {
    try {
      await this.transaction.manager().insert(CategoryOrmEntity, {
        id: category.id,
        name: category.name,
        createdAt: category.createdAt,
      });
    } catch (error) {
      if (isDuplicateKeyError(error))
        throw new ValidationError([
          { field: 'name', message: 'a category with this name already exists' },
        ]);
      throw error;
    }
  }

  async exists(id: string): Promise<boolean> {
    return (await this.transaction.manager().count(CategoryOrmEntity, { where: { id } })) > 0;
  }
}
