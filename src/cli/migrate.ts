import 'reflect-metadata';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import {
  assertProductionSecretsOrExit,
  loadDatabaseConfigOrExit,
} from '../platform/config/load-config';
import { typeOrmOptions } from '../platform/database/typeorm-options';

/**
 * `npm run db:migrate`: applies pending migrations to DATABASE_URL. A named
 * lock makes concurrent runs (several containers starting) take turns.
 */
async function main(): Promise<void> {
  const database = loadDatabaseConfigOrExit();
  assertProductionSecretsOrExit({ jwt: false });
  const dataSource = new DataSource({
    ...typeOrmOptions({ ...database, replicaUrls: [] }),
    migrations: [join(__dirname, '..', 'migrations', '*.js')],
    migrationsTableName: 'schema_migrations',
    logging: ['error'],
  });
  await dataSource.initialize();
  const runner = dataSource.createQueryRunner('master');
  try {
    await runner.connect();
    const [lock] = (await runner.query(
      "SELECT GET_LOCK('hexashop_migrations', 120) AS locked",
    )) as Array<{ locked: number }>;
    if (Number(lock?.locked) !== 1)
      throw new Error('could not get the migration lock within 120 s');
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    process.stdout.write(
      applied.length === 0
        ? 'migrations: up to date\n'
        : `migrations: applied ${applied.map((m) => m.name).join(', ')}\n`,
    );
    await runner.query("SELECT RELEASE_LOCK('hexashop_migrations')");
  } finally {
    await runner.release();
    await dataSource.destroy();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`migration failed: ${(error as Error).message}\n`);
  process.exit(1);
});
