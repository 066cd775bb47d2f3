import { spawn, spawnSync } from 'node:child_process';
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
export function runTool(
  command: string,
  args: readonly string[],
  cwd = ROOT,
  env: NodeJS.ProcessEnv = process.env,
): ToolResult {
  const result = spawnSync(command, args, { cwd, env, encoding: 'utf8', timeout: 60_000 });
  if (result.error) throw result.error;
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

/** A fresh temporary directory for planted-error copies. */
export function scratchDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `hexashop-${prefix}-`));
}

/**
 * Starts an exporter (or HAProxy) that serves /metrics on 127.0.0.1:`port`,
 * reads its metrics once, and stops it.
 */
export async function scrapeOnce(
  command: string,
  args: readonly string[],
  port: number,
  env: Record<string, string> = {},
): Promise<string> {
  const child = spawn(command, args, {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  try {
    const deadline = Date.now() + 20_000;
    while (Date.now() < deadline) {
      if (child.exitCode !== null) break;
      try {
        const response = await fetch(`http://127.0.0.1:${port}/metrics`, {
          signal: AbortSignal.timeout(5_000),
        });
        if (response.ok) return await response.text();
      } catch {
        // not listening yet
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`${command} served no /metrics on ${port}: ${output.slice(-500)}`);
  } finally {
    if (child.exitCode === null) {
      child.kill('SIGTERM');
      await exited;
    }
  }
}
