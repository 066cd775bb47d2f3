import { FixedClock } from '../../../../../shared/kernel/testing/fixed-clock.fake';
import { ImmediateUnitOfWork } from '../../../../../shared/kernel/testing/immediate-unit-of-work.fake';
import { SequentialIdGenerator } from '../../../../../shared/kernel/testing/sequential-id-generator.fake';
import { ValidationError } from '../../../../../shared/kernel/validation.error';
import { Category } from '../../../domain/category.aggregate';
import { InMemoryCategoryRepository } from '../../testing/in-memory-category.repository.fake';
import { RecordingCatalogCache } from '../../testing/recording-catalog.cache.fake';
import { CreateCategoryCommand } from './create-category.command';
import { CreateCategoryHandler } from './create-category.handler';

describe(CreateCategoryHandler.name, () => {
  let unitOfWork: ImmediateUnitOfWork;
  let categories: InMemoryCategoryRepository;
  let cache: RecordingCatalogCache;
  let clock: FixedClock;
  let sut: CreateCategoryHandler;

  beforeEach(() => {
    unitOfWork = new ImmediateUnitOfWork();
    categories = new InMemoryCategoryRepository(unitOfWork);
    cache = new RecordingCatalogCache(unitOfWork);
    clock = new FixedClock(new Date('2025-03-01T08:00:00.000Z'));
    sut = new CreateCategoryHandler(
      categories,
      cache,
      unitOfWork,
      new SequentialIdGenerator('category'),
      clock,
    );
  });

  it('stores the category with a trimmed name and returns its view', async () => {
    const result = await sut.execute(new CreateCategoryCommand('  Coffee '));

    expect(result).toEqual({ id: 'category-1', name: 'Coffee' });
    const [stored] = categories.all();
    expect(stored?.name).toBe('Coffee');
    expect(stored?.createdAt).toEqual(clock.now());
    expect(unitOfWork.committed).toEqual([1]);
  });

  it('evicts the category lists once, after the commit', async () => {
    await sut.execute(new CreateCategoryCommand('Coffee'));

    expect(cache.calls).toEqual([
      {
        method: 'categoriesChanged',
        productIds: [],
        duringTransaction: undefined,
        committedBefore: [1],
      },
    ]);
  });

  it('lets a duplicate name fail with ValidationError on name and evicts nothing', async () => {
    categories.seed(Category.create({ id: 'existing', name: 'Coffee', now: clock.now() }));

    const error = await sut.execute(new CreateCategoryCommand('COFFEE')).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).errors.map((e) => e.field)).toEqual(['name']);
    expect(categories.all().map((c) => c.id)).toEqual(['existing']);
    expect(unitOfWork.rolledBack).toEqual([1]);
    expect(cache.calls).toEqual([]);
  });

  it('rejects an invalid name before opening a transaction', async () => {
    await expect(sut.execute(new CreateCategoryCommand('   '))).rejects.toBeInstanceOf(
      ValidationError,
    );

    expect(categories.all()).toEqual([]);
    expect(unitOfWork.committed).toEqual([]);
    expect(unitOfWork.rolledBack).toEqual([]);
    expect(cache.calls).toEqual([]);
  });
});
