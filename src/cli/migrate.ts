import 'reflect-metadata';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import {
  assertProductionSecretsOrExit,
  loadDatabaseConfigOrExit,
} from '../platform/config/load-config';
import { typeOrmOptions } from '../platform/database/typeorm-options';
import { describeAnswers, findWritableNode } from './writable-node';

/**
 * `npm run db:migrate`: applies pending migrations to the node that takes
 * writes among DATABASE_URL and DATABASE_REPLICA_URLS (read_only off; two
 * such nodes are a split brain and nothing runs: ADR 0065), so it works after
 * `npm run db:failover` without pointing DATABASE_URL at the new primary.
 * A named lock makes concurrent runs (several containers starting) take turns.
 * `npm run db:migrate -- --revert` (or `node dist/cli/migrate.js --revert`)
 * undoes the last applied migration with its `down()` instead: the rollback
 * of a release that added one (runbook, "Rolling deploy and rollback").
 */
async function main(): Promise<void> {
  const database = loadDatabaseConfigOrExit();
  assertProductionSecretsOrExit({ jwt: false });
  const { chosen, answers } = await findWritableNode([
    database.primaryUrl,
    ...database.replicaUrls,
  ]);
  if (chosen.url !== database.primaryUrl) {
    process.stdout.write(
      `migrations: on ${chosen.name}, the node that takes writes (${describeAnswers(answers)})\n`,
    );
  }
  const dataSource = new DataSource({
    ...typeOrmOptions({ ...database, primaryUrl: chosen.url, replicaUrls: [] }),
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
    if (process.argv.includes('--revert')) {
      const [last] = (await runner.query(
        'SELECT name FROM schema_migrations ORDER BY id DESC LIMIT 1',
      )) as Array<{ name: string }>;
      if (!last) {
        process.stdout.write('migrations: nothing to revert\n');
      } else {
        await dataSource.undoLastMigration({ transaction: 'each' });
        process.stdout.write(`migrations: reverted ${last.name}\n`);
      }
    } else {
      const applied = await dataSource.runMigrations({ transaction: 'each' });
      process.stdout.write(
        applied.length === 0
          ? 'migrations: up to date\n'
          : `migrations: applied ${applied.map((m) => m.name).join(', ')}\n`,
      );
    }
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
