import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';

/** Inserts a customer row directly (for integration tests that need a user to reference). */
export async function insertUser(dataSource: DataSource): Promise<string> {
  const id = randomUUID();
  await dataSource.query(
    `INSERT INTO users (id, email, name, password_hash, role, created_at, updated_at)
     VALUES (?, ?, 'Test', '$argon2id$test', 'CUSTOMER', NOW(3), NOW(3))`,
    [id, `${id}@example.test`],
  );
  return id;
}
