/** Redis key names of the catalog caches, shared by the read side and the evictions. */
export const CatalogCacheKeys = {
  product: (id: string): string => `product:${id}`,
  productsGroup: 'products',
  categoriesGroup: 'categories',
} as const;
