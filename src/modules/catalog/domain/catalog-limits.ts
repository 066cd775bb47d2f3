/** Bounds of catalog values, shared by validation and database CHECK constraints. */
export const CatalogLimits = {
  nameLength: { min: 1, max: 200 },
  descriptionMaxLength: 5000,
  maxPrice: 100_000_000,
  maxStock: 1_000_000,
  maxAdjustment: 1_000_000,
  categoryNameLength: { min: 1, max: 50 },
} as const;
