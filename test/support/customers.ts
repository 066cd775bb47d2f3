import { randomUUID } from 'node:crypto';
import { sealer } from './personal-data';
import { Db } from './db';
import { accessClaims, signJwt } from './jwt';

export interface Customer {
  readonly id: string;
  readonly email: string;
  readonly token: string;
}

/** A password hash no password matches: these customers only use forged tokens. */
const NO_PASSWORD = '$argon2id$v=19$m=19456,t=2,p=1$bm9wYXNzd29yZA$bm9wYXNzd29yZA';

/**
 * Creates many customers at once with SQL (sign-up hashes a password each,
 * far too slow for a thousand) and signs access tokens for them.
 */
export async function createCustomers(count: number, prefix = 'buyer'): Promise<Customer[]> {
  const now = new Date();
  const customers = Array.from({ length: count }, () => {
    const id = randomUUID();
    return {
      id,
      email: `${prefix}-${id.slice(0, 13)}@example.test`,
      token: signJwt(accessClaims(id)),
    };
  });
  const rows = sealer();
  for (let i = 0; i < customers.length; i += 500) {
    const batch = customers.slice(i, i + 500);
    await rows.insert(
      Db.primary(),
      batch.map((customer) => ({
        id: customer.id,
        email: customer.email,
        name: 'Buyer',
        passwordHash: NO_PASSWORD,
        role: 'CUSTOMER' as const,
      })),
      now,
    );
  }
  return customers;
}

/** Runs `tasks` with at most `limit` in flight; results in task order. */
export async function inBatches<T>(
  tasks: ReadonlyArray<() => Promise<T>>,
  limit: number,
): Promise<T[]> {
  const results = new Array<T>(tasks.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, tasks.length) }, async () => {
      while (next < tasks.length) {
        const index = next++;
        results[index] = await tasks[index]!();
      }
    }),
  );
  return results;
}
