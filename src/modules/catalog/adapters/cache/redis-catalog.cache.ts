import { Injectable } from '@nestjs/common';
import { CacheService } from '../../../../platform/cache/cache.service';
import { CatalogCache } from '../../application/ports/catalog-cache.port';
import { CatalogCacheKeys } from './catalog-cache-keys';

/** Evictions after a catalog write commits (CacheService.invalidate never throws). */
@Injectable()
export class RedisCatalogCache extends CatalogCache {
  constructor(private readonly cache: CacheService) {
    super();
  }

  async productsChanged(productIds: readonly string[]): Promise<void> {
    await this.cache.invalidate(productIds.map(CatalogCacheKeys.product), [
      CatalogCacheKeys.productsGroup,
    ]);
  }

  async stockChanged(productIds: readonly string[]): Promise<void> {
    await this.cache.invalidate(productIds.map(CatalogCacheKeys.product));
  }

  async categoriesChanged(): Promise<void> {
    await this.cache.invalidate([], [CatalogCacheKeys.categoriesGroup]);
  }
}
