import { join } from 'node:path';

/** The part of UserRowSealer (src/modules/identity/adapters/persistence/user-row.sealer.ts) the bench uses. */
export interface BenchUserRowSealer {
  insert(
    db: { query(sql: string, parameters?: unknown[]): Promise<unknown> },
    users: ReadonlyArray<{
      id: string;
      email: string;
      name: string;
      passwordHash: string;
      role: 'CUSTOMER' | 'ADMIN';
    }>,
    now: Date,
  ): Promise<void>;
}

/**
 * The API build's own sealer (dist/modules/..., built by bench.sh before the
 * runner), so users the bench writes with SQL are sealed like sign-up seals
 * them; the bench compiles on its own (rootDir test/load) and cannot import src.
 */
export function userRowSealer(): BenchUserRowSealer {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { UserRowSealer } = require(
    join(__dirname, '..', 'modules', 'identity', 'adapters', 'persistence', 'user-row.sealer.js'),
  ) as { UserRowSealer: { fromEnv(): BenchUserRowSealer } };
  return UserRowSealer.fromEnv();
}
