/** Redis key names of the catalog caches, shared by the read side and the evictions. */
export const CatalogCacheKeys = {
  product: (id: string): string => `product:${id}`,
  productsGroup: 'products',
  categoriesGroup: 'categories',
  /** The write mark CacheService.invalidate leaves for a group's version. */
  versionMark: (group: string): string => `ver:${group}`,
} as const;
