import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** The part of UserRowSealer (src/modules/identity/adapters/persistence/user-row.sealer.ts) benches and tests use. */
export interface BenchUserRowSealer {
  emailIndex(email: string): string;
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
 * The API build's own sealer (dist/modules/..., built by bench.sh and
 * test.sh before they run), so users benches and tests write with SQL are
 * sealed like sign-up seals them. Loaded from the build because the bench
 * compiles on its own (rootDir test/load), and because test helpers that
 * platform int-specs import must not depend on a module's adapters (that
 * would tie platform folders into a ring through test/support).
 */
export function userRowSealer(): BenchUserRowSealer {
  const { UserRowSealer } = apiBuildModule<{ UserRowSealer: { fromEnv(): BenchUserRowSealer } }>(
    'modules/identity/adapters/persistence/user-row.sealer.js',
  );
  return UserRowSealer.fromEnv();
}

/** A module of the API build (`dist/<path>`), from the bench's build or from ts-jest. */
export function apiBuildModule<T>(path: string): T {
  const build = join(__dirname, '..', '..', 'dist');
  const dist = existsSync(join(__dirname, '..', 'modules')) ? join(__dirname, '..') : build;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(join(dist, ...path.split('/'))) as T;
}
