import { Query } from '@nestjs/cqrs';
import { CategoryPageView } from './category.view';

export class ListCategoriesQuery extends Query<CategoryPageView> {
  constructor(
    readonly limit: number,
    readonly cursor?: string,
  ) {
    super();
  }
}
