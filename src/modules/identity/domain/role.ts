/** What a user may do: customers shop, admins also run the catalog and operations. */
export type Role = 'CUSTOMER' | 'ADMIN';

export const ROLES: readonly Role[] = ['CUSTOMER', 'ADMIN'];
