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

  syncBinlogs(): Promise<string> {
    return this.script('binlog', ['sync']);
  }
}

/** Row count and CHECKSUM TABLE of every base table of a database. */
export async function tableChecksums(
  pool: Pool,
  database: string,
): Promise<Record<string, { rows: number; checksum: string }>> {
  const [tables] = await pool.query<RowDataPacket[]>(
    `SELECT TABLE_NAME AS name FROM information_schema.TABLES
      WHERE TABLE_SCHEMA = ? AND TABLE_TYPE = 'BASE TABLE' ORDER BY TABLE_NAME`,
    [database],
  );
  const result: Record<string, { rows: number; checksum: string }> = {};
  for (const { name } of tables as Array<{ name: string }>) {
    const [[sum]] = await pool.query<RowDataPacket[]>(`CHECKSUM TABLE \`${database}\`.\`${name}\``);
    const [[count]] = await pool.query<RowDataPacket[]>(
      `SELECT COUNT(*) AS n FROM \`${database}\`.\`${name}\``,
    );
    result[name] = { rows: Number(count!.n), checksum: String(sum!.Checksum) };
  }
  return result;
}

export function poolFor(url: string): Pool {
  return createPool({ uri: url, connectionLimit: 2, timezone: 'Z' });
}
