import { randomUUID } from 'node:crypto';
import { sealer } from './personal-data';

/** Anything that runs SQL on the primary: a TypeORM DataSource or a wrapper of test/support/db's Db. */
export interface SqlRunner {
  query(sql: string, parameters?: unknown[]): Promise<unknown>;
}

/** Inserts a customer row directly, sealed like the API writes it, (for integration tests that need a user to reference). */
export async function insertUser(db: SqlRunner): Promise<string> {
  const id = randomUUID();
  await sealer().insert(
    db,
    [
      {
        id,
        email: `${id}@example.test`,
        name: 'Test',
        passwordHash: '$argon2id$test',
        role: 'CUSTOMER',
      },
    ],
    new Date(),
  );
  return id;
}
