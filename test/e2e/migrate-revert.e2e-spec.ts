import { runCli } from '../support/cli';
import { Db } from '../support/db';

const migrate = async (...args: string[]): Promise<string> => {
  const run = await runCli('migrate', args);
  if (run.code !== 0) throw new Error(`db:migrate exited with ${run.code}: ${run.stderr}`);
  return run.stdout;
};

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
