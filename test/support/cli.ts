import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { baseEnv } from './app-process';

const CLI_DIR = join(__dirname, '..', '..', 'dist', 'cli');

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs a built command (`node dist/cli/<name>.js`, e.g. `npm run db:migrate`)
 * against the test stack, with `overrides` on top of baseEnv. Resolves with
 * its exit code and output whatever the code (2 min at most).
 */
export function runCli(
  name: 'migrate' | 'seed' | 'replay-erasures',
  args: readonly string[] = [],
  overrides: Record<string, string | undefined> = {},
): Promise<CliRun> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [join(CLI_DIR, `${name}.js`), ...args],
      { env: baseEnv(overrides), timeout: 120_000 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}
