import { ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, mkdirSync, readFileSync } from 'node:fs';
import { AddressInfo, createServer } from 'node:net';
import { join } from 'node:path';
import { requireEnv, TEST_JWT_SECRET } from './env';

const ROOT = join(__dirname, '..', '..');
export const LOG_DIR = join(ROOT, '.local', 'test', 'logs');

export interface AppProcess {
  readonly url: string;
  readonly port: number;
  readonly process: ChildProcess;
  readonly logFile: string;
  /** Everything the process printed so far. */
  logs(): string;
  /** SIGTERM, then waits for exit; returns the exit code. */
  stop(): Promise<number | null>;
  /** Resolves with the exit code when the process ends. */
  exited: Promise<number | null>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/** Environment of a built process pointed at the test stack. */
export function baseEnv(
  overrides: Record<string, string | undefined> = {},
): Record<string, string> {
  const env: Record<string, string | undefined> = {
    PATH: process.env.PATH,
    NODE_ENV: 'test',
    DATABASE_URL: requireEnv('DATABASE_URL'),
    DATABASE_REPLICA_URLS: process.env.DATABASE_REPLICA_URLS ?? '',
    REDIS_URL: requireEnv('REDIS_URL'),
    SMTP_URL: requireEnv('SMTP_URL'),
    JWT_SECRET: TEST_JWT_SECRET,
    DATA_KEYS: requireEnv('DATA_KEYS'),
    DATA_KEY_ACTIVE: process.env.DATA_KEY_ACTIVE,
    BLIND_INDEX_KEY: requireEnv('BLIND_INDEX_KEY'),
    MEMBER_KEYS_SCHEMA: process.env.MEMBER_KEYS_SCHEMA,
    RATE_LIMIT_RPM: '0',
    LOGIN_MAX_FAILURES: '1000',
    SHUTDOWN_DRAIN_MS: '300',
    LOG_LEVEL: 'info',
    JOB_ATTEMPTS: '3',
    JOB_BACKOFF_MS: '200',
    ...overrides,
  };
  return Object.fromEntries(
    Object.entries(env).filter((entry): entry is [string, string] => entry[1] !== undefined),
  );
}

/** Starts `node dist/<entry>.js` and waits until /health/live answers. */
export async function startProcess(
  entry: 'main' | 'worker',
  overrides: Record<string, string | undefined> = {},
  options: { waitFor?: 'live' | 'ready'; timeoutMs?: number; port?: number } = {},
): Promise<AppProcess> {
  const port = options.port ?? (await freePort());
  mkdirSync(LOG_DIR, { recursive: true });
  const logFile = join(LOG_DIR, `${entry}-${port}-${Date.now()}.log`);
  const out = createWriteStream(logFile);
  const child = spawn(process.execPath, [join(ROOT, 'dist', `${entry}.js`)], {
    cwd: ROOT,
    env: baseEnv({ PORT: String(port), ...overrides }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.pipe(out);
  child.stderr.pipe(out);
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => resolve(code)),
  );
  const url = `http://127.0.0.1:${port}`;
  const app: AppProcess = {
    url,
    port,
    process: child,
    logFile,
    logs: () => readFileSync(logFile, 'utf8'),
    exited,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      const code = await exited;
      clearTimeout(timer);
      return code;
    },
  };
  const deadline = Date.now() + (options.timeoutMs ?? 30_000);
  const path = options.waitFor === 'ready' ? '/health/ready' : '/health/live';
  for (;;) {
    if (child.exitCode !== null)
      throw new Error(`${entry} exited with ${child.exitCode}:\n${app.logs().slice(-3000)}`);
    try {
      const response = await fetch(url + path, { signal: AbortSignal.timeout(1000) });
      if (response.ok) return app;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(
        `${entry} did not become ${path} within the timeout:\n${app.logs().slice(-3000)}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export const startApi = (
  overrides: Record<string, string | undefined> = {},
  options?: { waitFor?: 'live' | 'ready'; port?: number },
): Promise<AppProcess> => startProcess('main', overrides, options);

export const startWorker = (
  overrides: Record<string, string | undefined> = {},
  options?: { waitFor?: 'live' | 'ready' },
): Promise<AppProcess> => startProcess('worker', overrides, options);
