import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { v7 } from 'uuid';
import { Argon2PasswordHasher } from '../modules/identity/adapters/security/argon2-password.hasher';
import { loadDatabaseConfigOrExit } from '../platform/config/load-config';
import { typeOrmOptions } from '../platform/database/typeorm-options';

/**
 * `npm run db:seed`, idempotent: the admin from ADMIN_EMAIL/ADMIN_PASSWORD
 * (an existing account keeps its password and becomes ADMIN).
 */
async function main(): Promise<void> {
  const database = loadDatabaseConfigOrExit();
  const dataSource = new DataSource({
    ...typeOrmOptions({ ...database, replicaUrls: [] }),
    logging: ['error'],
  });
  await dataSource.initialize();
  try {
    await seedAdmin(dataSource);
  } finally {
    await dataSource.destroy();
  }
}

async function seedAdmin(dataSource: DataSource): Promise<void> {
  const email = process.env.ADMIN_EMAIL?.trim().toLowerCase();
  const password = process.env.ADMIN_PASSWORD;
  if (!email || !password) {
    process.stdout.write('seed: ADMIN_EMAIL/ADMIN_PASSWORD not set, no admin created\n');
    return;
  }
  if (password.length < 8 || password.length > 72) {
    throw new Error('ADMIN_PASSWORD must be 8 to 72 characters');
  }
  const hash = await new Argon2PasswordHasher().hash(password);
  const now = new Date();
  await dataSource.query(
    `INSERT INTO users (id, email, name, password_hash, role, created_at, updated_at)
     VALUES (?, ?, 'Administrator', ?, 'ADMIN', ?, ?)
     ON DUPLICATE KEY UPDATE role = 'ADMIN', updated_at = updated_at`,
    [v7(), email, hash, now, now],
  );
  process.stdout.write(`seed: admin ${email} ready\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`seed failed: ${(error as Error).message}\n`);
  process.exit(1);
});
