import { Command } from '@nestjs/cqrs';
import { CategoryView } from '../../queries/list-categories/category.view';

export class CreateCategoryCommand extends Command<CategoryView> {
  constructor(readonly name: string) {
    super();
  }
}
