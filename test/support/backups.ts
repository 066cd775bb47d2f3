import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { createPool, Pool, RowDataPacket } from 'mysql2/promise';

const run = promisify(execFile);
const ROOT = join(__dirname, '..', '..');

export interface BackupManifest {
  readonly name: string;
  readonly binlog: { file: string; position: number; gtid: string };
  readonly totals: { files: number; bytes: number };
  readonly files: ReadonlyArray<{ path: string; bytes: number; sha256: string }>;
  readonly excludedDatabases: string[];
}

export interface Restored {
  readonly url: string;
  readonly port: number;
  readonly output: string;
  /** seconds, as db:restore printed them */
  readonly totalSeconds: number;
}

/**
 * scripts/db/{backup,restore,binlog}.sh of the test profile, with a backup
 * directory of the suite's own (BACKUP_DIR) so it never sees other backups.
 */
export class Backups {
  constructor(
    readonly dir: string,
    private readonly extraEnv: Record<string, string> = {},
  ) {}

  private async script(name: string, args: string[]): Promise<string> {
    const { stdout } = await run(
      'bash',
      [join(ROOT, 'scripts', 'db', `${name}.sh`), '--profile', 'test', ...args],
      {
        cwd: ROOT,
        timeout: 180_000,
        env: { ...process.env, BACKUP_DIR: this.dir, ...this.extraEnv },
      },
    );
    return stdout;
  }

  /** npm run db:backup; returns the new backup's directory and manifest. */
  async backup(): Promise<{ dir: string; manifest: BackupManifest; output: string }> {
    const output = await this.script('backup', ['--no-retention']);
    const dir = /^backup (\S+)$/m.exec(output)?.[1];
    if (!dir) throw new Error(`db:backup printed no directory:\n${output}`);
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as BackupManifest;
    return { dir, manifest, output };
  }

  /** npm run db:restore with `args`; `--replace` so a leftover stopped instance is no obstacle. */
  async restore(args: string[]): Promise<Restored> {
    const output = await this.script('restore', [...args, '--replace']);
    const url = /DATABASE_URL=(\S+)/.exec(output)?.[1];
    const total = /total ([0-9.]+) s/.exec(output)?.[1];
    if (!url || !total) throw new Error(`db:restore printed no address:\n${output}`);
    return { url, port: Number(new URL(url).port), output, totalSeconds: Number(total) };
  }

  async stop(port: number): Promise<void> {
    await this.script('restore', ['stop', '--port', String(port), '--rm']);
  }

  /** db:backup --prune-only: the retention rules alone. */
  prune(): Promise<string> {
    return this.script('backup', ['--prune-only']);
  }

  syncBinlogs(): Promise<string> {
    return this.script('binlog', ['sync']);
  }
}

/**
 * Row count and a checksum of the content of every base table of a database:
 * per row (60 bits of) an MD5 over every column (as its bytes, NULL kept apart from any
 * value), summed over the rows, so it depends on nothing but the rows.
 * Not CHECKSUM TABLE: on MariaDB 10.11 its value also depends on how the
 * rows were written. The same 14 member_addresses rows (equal column by
 * column, and equal one by one, each alone in a table) gave three values
 * when inserted in three orders; a binlog replay writes them otherwise
 * than the primary's own history did.
 */
export async function tableChecksums(
  pool: Pool,
  database: string,
): Promise<Record<string, { rows: number; checksum: string }>> {
  const [columns] = await pool.query<RowDataPacket[]>(
    `SELECT c.TABLE_NAME AS name, c.COLUMN_NAME AS col
       FROM information_schema.COLUMNS c
       JOIN information_schema.TABLES t
         ON t.TABLE_SCHEMA = c.TABLE_SCHEMA AND t.TABLE_NAME = c.TABLE_NAME
      WHERE c.TABLE_SCHEMA = ? AND t.TABLE_TYPE = 'BASE TABLE'
      ORDER BY c.TABLE_NAME, c.ORDINAL_POSITION`,
    [database],
  );
  const tables = new Map<string, string[]>();
  for (const { name, col } of columns as Array<{ name: string; col: string }>)
    tables.set(name, [...(tables.get(name) ?? []), col]);
  const result: Record<string, { rows: number; checksum: string }> = {};
  for (const [name, cols] of tables) {
    // HEX keeps separators out of the values; '-' (never a HEX digit) marks NULL.
    const row = `MD5(CONCAT_WS('|', ${cols.map((c) => `IFNULL(HEX(CAST(\`${c}\` AS BINARY)), '-')`).join(', ')}))`;
    const [[sum]] = await pool.query<RowDataPacket[]>(
      `SELECT COUNT(*) AS n, COALESCE(SUM(CAST(CONV(LEFT(${row}, 15), 16, 10) AS UNSIGNED)), 0) AS s
         FROM \`${database}\`.\`${name}\``,
    );
    result[name] = { rows: Number(sum!.n), checksum: String(sum!.s) };
  }
  return result;
}

export function poolFor(url: string): Pool {
  return createPool({ uri: url, connectionLimit: 2, timezone: 'Z' });
}
