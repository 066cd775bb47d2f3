import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const ROOT = join(__dirname, '..', '..');

export interface ToolResult {
  readonly status: number | null;
  /** stdout and stderr together, for failure messages. */
  readonly output: string;
}

/**
 * Runs a checker (promtool, amtool, haproxy, docker-compose). The test stack's
 * `up` installs them from Debian when missing (scripts/stack/checks.sh).
 */
export function runTool(command: string, args: readonly string[], cwd = ROOT): ToolResult {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', timeout: 60_000 });
  if (result.error) throw result.error;
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

/** A fresh temporary directory for planted-error copies. */
export function scratchDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `hexashop-${prefix}-`));
}
