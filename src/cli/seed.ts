import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { v7 } from 'uuid';
import { Argon2PasswordHasher } from '../modules/identity/adapters/security/argon2-password.hasher';
import { SeedConfig } from '../platform/config/app-config';
import { loadSeedConfigOrExit } from '../platform/config/load-config';
import { typeOrmOptions } from '../platform/database/typeorm-options';

/**
 * `npm run db:seed`, idempotent: the admin from ADMIN_EMAIL/ADMIN_PASSWORD
 * is created when no account has that address; an existing account is left
 * exactly as it is (role and password), and the seed says so: promoting it
 * would make whoever signed up with the address first an admin with their
 * own password. With NODE_ENV=production a demo or weak ADMIN_PASSWORD (or a
 * demo database password) stops the seed naming the variable. Unless
 * SEED_DEMO=false a demo catalog of SEED_PRODUCTS products (default 1,000;
 * 100,000 for tests and benchmarks). Runs again add only what is missing.
 */
async function main(): Promise<void> {
  const { database, seed } = loadSeedConfigOrExit();
  const dataSource = new DataSource({
    ...typeOrmOptions({ ...database, replicaUrls: [] }),
    logging: ['error'],
  });
  await dataSource.initialize();
  try {
    await seedAdmin(dataSource, seed.admin);
    if (seed.demo) await seedCatalog(dataSource, seed.products);
  } finally {
    await dataSource.destroy();
  }
}

async function seedAdmin(dataSource: DataSource, admin: SeedConfig['admin']): Promise<void> {
  if (!admin) {
    process.stdout.write('seed: ADMIN_EMAIL/ADMIN_PASSWORD not set, no admin created\n');
    return;
  }
  const { email, password } = admin;
  const existing = await dataSource.query<{ role: string }[]>(
    'SELECT role FROM users WHERE email = ? LIMIT 1',
    [email],
  );
  if (existing.length > 0) {
    leftAlone(existing[0]?.role);
    return;
  }
  const hash = await new Argon2PasswordHasher().hash(password);
  const now = new Date();
  try {
    await dataSource.query(
      `INSERT INTO users (id, email, name, password_hash, role, created_at, updated_at)
       VALUES (?, ?, 'Administrator', ?, 'ADMIN', ?, ?)`,
      [v7(), email, hash, now, now],
    );
  } catch (error) {
    // Someone signed up with the address between the SELECT and the INSERT: theirs it stays.
    if ((error as { code?: unknown }).code !== 'ER_DUP_ENTRY') throw error;
    leftAlone(undefined);
    return;
  }
  process.stdout.write('seed: admin account created from ADMIN_EMAIL/ADMIN_PASSWORD\n');
}

function leftAlone(role: string | undefined): void {
  process.stdout.write(
    `seed: an account with ADMIN_EMAIL already exists${role ? ` (role ${role})` : ''}: left as it is, role and password unchanged\n`,
  );
}

const DEMO_CATEGORIES = [
  'Coffee',
  'Tea',
  'Books',
  'Electronics',
  'Kitchen',
  'Garden',
  'Toys',
  'Sports',
  'Music',
  'Stationery',
];
const ADJECTIVES = [
  'Classic',
  'Compact',
  'Deluxe',
  'Eco',
  'Handmade',
  'Light',
  'Organic',
  'Pro',
  'Smart',
  'Vintage',
];
const NOUNS = [
  'Beans',
  'Blend',
  'Kettle',
  'Lamp',
  'Notebook',
  'Speaker',
  'Mug',
  'Racket',
  'Puzzle',
  'Planter',
];
const BATCH = 1000;

/** Demo categories and products up to `target` products in total, in batches of 1,000 rows. */
async function seedCatalog(dataSource: DataSource, target: number): Promise<void> {
  const now = new Date();
  for (const name of DEMO_CATEGORIES) {
    await dataSource.query(
      'INSERT IGNORE INTO categories (id, name, created_at) VALUES (?, ?, ?)',
      [v7(), name, now],
    );
  }
  const categories = (await dataSource.query('SELECT id FROM categories ORDER BY name')) as Array<{
    id: string;
  }>;
  const [{ total }] = (await dataSource.query('SELECT COUNT(*) AS total FROM products')) as Array<{
    total: number | string;
  }>;
  let existing = Number(total);
  const started = Date.now();
  // A fixed pseudo-random sequence: the same target gives the same catalog shape on every machine.
  let state = 0x2545f491 ^ existing;
  const next = (bound: number): number => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    // The high bits: the low bits of this generator repeat with a short period, so
    // `state % bound` left half the categories empty and never chose HIDDEN.
    return Math.floor((state / 0x1_0000_0000) * bound);
  };
  while (existing < target) {
    const count = Math.min(BATCH, target - existing);
    const params: unknown[] = [];
    for (let i = 0; i < count; i += 1) {
      const n = existing + i + 1;
      const name = `${ADJECTIVES[next(ADJECTIVES.length)]} ${NOUNS[next(NOUNS.length)]} ${n}`;
      params.push(
        v7(),
        name,
        `Demo product number ${n}.`,
        (1 + next(2000)) * 100,
        next(500),
        categories[next(categories.length)]!.id,
        next(20) === 0 ? 'HIDDEN' : 'ACTIVE',
        now,
        now,
      );
    }
    await dataSource.query(
      `INSERT INTO products (id, name, description, price, stock, category_id, status, created_at, updated_at) VALUES ${Array(count).fill('(?, ?, ?, ?, ?, ?, ?, ?, ?)').join(', ')}`,
      params,
    );
    existing += count;
  }
  process.stdout.write(
    `seed: catalog ready (${DEMO_CATEGORIES.length} categories, ${existing} products, ${Date.now() - started} ms)\n`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`seed failed: ${(error as Error).message}\n`);
  process.exit(1);
});
