import { NotFoundError } from '../../../../../shared/kernel/not-found.error';
import { InMemoryCatalogReadModel } from '../../testing/in-memory-catalog.read-model.fake';
import { GetProductHandler } from './get-product.handler';
import { GetProductQuery } from './get-product.query';
import { ProductView } from './product.view';

const view = (id: string, status: ProductView['status']): ProductView => ({
  id,
  name: `Product ${id}`,
  description: '',
  price: 1000,
  stock: 3,
  categoryId: 'category-1',
  status,
  createdAt: '2025-03-01T08:00:00.000Z',
  updatedAt: '2025-03-01T08:00:00.000Z',
});

describe(GetProductHandler.name, () => {
  let catalog: InMemoryCatalogReadModel;
  let sut: GetProductHandler;

  beforeEach(() => {
    catalog = new InMemoryCatalogReadModel();
    catalog.putProduct(view('active', 'ACTIVE'), view('hidden', 'HIDDEN'));
    sut = new GetProductHandler(catalog);
  });

  it.each([false, true])('returns an ACTIVE product (includeHidden %p)', async (includeHidden) => {
    expect(await sut.execute(new GetProductQuery('active', includeHidden))).toEqual({
      ...view('active', 'ACTIVE'),
      rating: { average: null, count: 0 },
    });
  });

  it('hides a HIDDEN product behind NotFoundError', async () => {
    await expect(sut.execute(new GetProductQuery('hidden', false))).rejects.toBeInstanceOf(
      NotFoundError,
    );
  });

  it('returns a HIDDEN product when hidden ones are included', async () => {
    expect((await sut.execute(new GetProductQuery('hidden', true))).status).toBe('HIDDEN');
  });

  it.each([false, true])(
    'fails with NotFoundError for an unknown id (includeHidden %p)',
    async (includeHidden) => {
      await expect(
        sut.execute(new GetProductQuery('missing', includeHidden)),
      ).rejects.toBeInstanceOf(NotFoundError);
    },
  );
});
