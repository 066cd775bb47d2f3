import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Clock } from '../../../../../shared/kernel/clock.port';
import { IdGenerator } from '../../../../../shared/kernel/id-generator.port';
import { UnitOfWork } from '../../../../../shared/kernel/unit-of-work.port';
import { Category } from '../../../domain/category.aggregate';
import { CatalogCache } from '../../ports/catalog-cache.port';
import { CategoryRepository } from '../../ports/category.repository.port';
import { CategoryView } from '../../queries/list-categories/category.view';
import { CreateCategoryCommand } from './create-category.command';

@CommandHandler(CreateCategoryCommand)
export class CreateCategoryHandler implements ICommandHandler<CreateCategoryCommand, CategoryView> {
  constructor(
    private readonly categories: CategoryRepository,
    private readonly cache: CatalogCache,
    private readonly unitOfWork: UnitOfWork,
    private readonly ids: IdGenerator,
    private readonly clock: Clock,
  ) {}

  async execute(command: CreateCategoryCommand): Promise<CategoryView> {
    const category = Category.create({
      id: this.ids.next(),
      name: command.name,
      now: this.clock.now(),
    });
    await this.unitOfWork.run(async () => {
      await this.categories.add(category);
      this.unitOfWork.afterCommit(() => this.cache.categoriesChanged());
    });
    return { id: category.id, name: category.name };
  }
}
