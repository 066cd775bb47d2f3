import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { baseEnv } from '../support/app-process';
import { Db } from '../support/db';

const run = promisify(execFile);
const MIGRATE = join(__dirname, '..', '..', 'dist', 'cli', 'migrate.js');
const migrate = async (...args: string[]): Promise<string> =>
  (await run(process.execPath, [MIGRATE, ...args], { env: baseEnv(), timeout: 120_000 })).stdout;

async function applied(): Promise<string[]> {
  const rows = await Db.rows<{ name: string }>('SELECT name FROM schema_migrations ORDER BY id');
  return rows.map((row) => row.name);
}

/** The rollback command of the runbook: the last migration's down() runs, and up() again after. */
describe('db:migrate --revert (e2e)', () => {
  afterAll(async () => {
    await migrate();
    await Db.end();
  });

  it('reverts the last applied migration, and a plain run applies it again', async () => {
    const before = await applied();
    const last = before.at(-1)!;
    expect(await migrate('--revert')).toBe(`migrations: reverted ${last}\n`);
    expect(await applied()).toEqual(before.slice(0, -1));
    expect(await migrate()).toBe(`migrations: applied ${last}\n`);
    expect(await applied()).toEqual(before);
  });
});
