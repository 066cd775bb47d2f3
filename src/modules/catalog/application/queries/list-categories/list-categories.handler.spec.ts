import { ValidationError } from '../../../../../shared/kernel/validation.error';
import { InMemoryCatalogReadModel } from '../../testing/in-memory-catalog.read-model.fake';
import { ListCategoriesHandler } from './list-categories.handler';
import { ListCategoriesQuery } from './list-categories.query';

const raw = (text: string): string => Buffer.from(text).toString('base64url');

describe(ListCategoriesHandler.name, () => {
  let catalog: InMemoryCatalogReadModel;
  let sut: ListCategoriesHandler;

  beforeEach(() => {
    catalog = new InMemoryCatalogReadModel();
    catalog.putCategory(
      { id: 'c-3', name: 'Tea' },
      { id: 'c-1', name: 'Books' },
      { id: 'c-5', name: 'Coffee' },
      { id: 'c-2', name: 'Coffee' },
      { id: 'c-4', name: 'Garden' },
    );
    sut = new ListCategoriesHandler(catalog);
  });

  it('lists categories by name, then id', async () => {
    const page = await sut.execute(new ListCategoriesQuery(10));

    expect(page.items.map((c) => c.id)).toEqual(['c-1', 'c-2', 'c-5', 'c-4', 'c-3']);
    expect(page.nextCursor).toBeNull();
  });

  it('gives no nextCursor when exactly the last category fills the page', async () => {
    expect((await sut.execute(new ListCategoriesQuery(5))).nextCursor).toBeNull();
  });

  it('follows cursors through every category exactly once, also across equal names', async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await sut.execute(new ListCategoriesQuery(2, cursor));
      seen.push(...page.items.map((c) => c.id));
      cursor = page.nextCursor ?? undefined;
      pages += 1;
    } while (cursor && pages < 10);

    expect(pages).toBe(3);
    expect(seen).toEqual(['c-1', 'c-2', 'c-5', 'c-4', 'c-3']);
  });

  it('hands the decoded position to the read model', async () => {
    const { nextCursor } = await sut.execute(new ListCategoriesQuery(2));
    await sut.execute(new ListCategoriesQuery(2, nextCursor!));

    expect(catalog.categoriesCalls).toEqual([
      { limit: 3, after: undefined },
      { limit: 3, after: { name: 'Coffee', id: 'c-2' } },
    ]);
  });

  it.each([
    ['not base64 JSON', 'garbage!'],
    ['JSON null', raw('null')],
    ['a JSON number', raw('7')],
    ['missing the id', raw(JSON.stringify({ n: 'Coffee' }))],
    ['with a numeric name', raw(JSON.stringify({ n: 1, id: 'c-1' }))],
  ])('rejects a cursor that is %s with ValidationError on cursor', async (_label, cursor) => {
    const error = await sut.execute(new ListCategoriesQuery(2, cursor)).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).errors.map((e) => e.field)).toEqual(['cursor']);
    expect(catalog.categoriesCalls).toEqual([]);
  });
});
