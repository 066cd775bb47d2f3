import { randomUUID } from 'node:crypto';

/** Anything that runs SQL on the primary: a TypeORM DataSource or a wrapper of test/support/db's Db. */
export interface SqlRunner {
  query(sql: string, parameters?: unknown[]): Promise<unknown>;
}

/** Inserts a customer row directly (for integration tests that need a user to reference). */
export async function insertUser(db: SqlRunner): Promise<string> {
  const id = randomUUID();
  await db.query(
    `INSERT INTO users (id, email, name, password_hash, role, created_at, updated_at)
     VALUES (?, ?, 'Test', '$argon2id$test', 'CUSTOMER', NOW(3), NOW(3))`,
    [id, `${id}@example.test`],
  );
  return id;
}
