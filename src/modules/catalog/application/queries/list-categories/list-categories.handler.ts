import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { ValidationError } from '../../../../../shared/kernel/validation.error';
import { CatalogReadModel } from '../../ports/catalog.read-model.port';
import { CategoryPageView } from './category.view';
import { ListCategoriesQuery } from './list-categories.query';

/** Categories by name; the cursor is the (name, id) of the last one. */
@QueryHandler(ListCategoriesQuery)
export class ListCategoriesHandler implements IQueryHandler<ListCategoriesQuery, CategoryPageView> {
  constructor(private readonly catalog: CatalogReadModel) {}

  async execute(query: ListCategoriesQuery): Promise<CategoryPageView> {
    const after = query.cursor ? decode(query.cursor) : undefined;
    const rows = await this.catalog.categories(query.limit + 1, after);
    const items = rows.slice(0, query.limit);
    const last = items[items.length - 1];
    return {
      items,
      nextCursor:
        rows.length > query.limit && last
          ? Buffer.from(JSON.stringify({ n: last.name, id: last.id })).toString('base64url')
          : null,
    };
  }
}

function decode(cursor: string): { name: string; id: string } {
  try {
    const body = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as {
      n?: unknown;
      id?: unknown;
    };
    if (typeof body.n === 'string' && typeof body.id === 'string')
      return { name: body.n, id: body.id };
  } catch {
    // fall through
  }
  throw new ValidationError([{ field: 'cursor', message: 'cursor is not valid for this list' }]);
}
