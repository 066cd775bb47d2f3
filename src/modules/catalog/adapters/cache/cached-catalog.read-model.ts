import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { CacheService } from '../../../../platform/cache/cache.service';
import { CatalogReadModel } from '../../application/ports/catalog.read-model.port';
import { ProductDetailView } from '../../application/queries/get-product/product.view';
import { CategoryView } from '../../application/queries/list-categories/category.view';
import { ProductListCriteria } from '../../application/queries/list-products/product-list-criteria';
import { TypeOrmCatalogReadModel } from '../persistence/typeorm-catalog.read-model';
import { CatalogCacheKeys } from './catalog-cache-keys';

const PRODUCT_TTL_MS = 5 * 60_000;
/** Unknown ids are cached briefly, so a scan of random ids cannot bypass the cache. */
const ABSENT_TTL_MS = 10_000;
const LIST_TTL_MS = 60_000;

/**
 * Redis in front of the replica read model. Details are evicted by key after
 * a write; lists are keyed by a version that every product write moves on.
 * When Redis is away every call is a miss within the cache timeout and the
 * replica answers. Details, pages and list versions also keep a copy in the
 * process for up to a second, dropped on every instance by each write (ADR 0044).
 */
@Injectable()
export class CachedCatalogReadModel extends CatalogReadModel {
  constructor(
    private readonly source: TypeOrmCatalogReadModel,
    private readonly cache: CacheService,
  ) {
    super();
  }

  product(id: string): Promise<ProductDetailView | null> {
    const key = CatalogCacheKeys.product(id);
    return this.cache.getOrLoad(key, () => this.source.product(id), {
      ttlMs: PRODUCT_TTL_MS,
      absentTtlMs: ABSENT_TTL_MS,
      writeMarks: [key],
      local: true,
    });
  }

  async products(criteria: ProductListCriteria): ReturnType<CatalogReadModel['products']> {
    const page = await this.cache.getOrLoadInGroup(
      CatalogCacheKeys.productsGroup,
      digest(criteria),
      () => this.source.products(criteria),
      { ttlMs: LIST_TTL_MS, local: true },
    );
    return page ?? { items: [], last: null };
  }

  async categories(limit: number, after?: { name: string; id: string }): Promise<CategoryView[]> {
    const rows = await this.cache.getOrLoadInGroup(
      CatalogCacheKeys.categoriesGroup,
      digest({ limit, after }),
      () => this.source.categories(limit, after),
      { ttlMs: LIST_TTL_MS, local: true },
    );
    return rows ?? [];
  }
}

/** A short stable key part for a criteria object (field order is fixed by the callers). */
function digest(value: unknown): string {
  return createHash('sha1').update(JSON.stringify(value)).digest('base64url');
}
