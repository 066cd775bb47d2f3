/** ACTIVE products are listed and sold; HIDDEN ones are kept for past orders only. */
export type ProductStatus = 'ACTIVE' | 'HIDDEN';

export const PRODUCT_STATUSES: readonly ProductStatus[] = ['ACTIVE', 'HIDDEN'];
