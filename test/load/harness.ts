import { ChildProcess, spawn } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import autocannon from 'autocannon';

/** Repository root (this file runs from dist/load/). */
export const ROOT = join(__dirname, '..', '..');
export const BENCH_DIR = join(ROOT, '.local', 'bench');
export const LOG_DIR = join(BENCH_DIR, 'logs');
export const PROFILE_DIR = join(BENCH_DIR, 'profiles');
/** JWT_SECRET of the API the bench starts (scenarios sign their own access tokens with it). */
export const BENCH_JWT_SECRET = 'bench-secret-that-is-long-enough-0123456789abcdef';
/** DB_POOL_SIZE of the API (its default); SQL baselines use a pool of the same size. */
export const BENCH_DB_POOL_SIZE = 20;

/** Load generator settings, the same for every scenario of a run. */
export interface LoadSettings {
  readonly connections: number;
  readonly durationSeconds: number;
  readonly warmupSeconds: number;
  readonly pipelining: number;
}

/** What a scenario measures: one HTTP endpoint and how each request is built. */
export interface LoadTarget {
  /** Origin, e.g. `http://127.0.0.1:4100`. */
  readonly origin: string;
  readonly method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  readonly headers?: Record<string, string>;
  /** The path of the next request; called once per request, so it can rotate ids. */
  readonly path: () => string;
  /** The body of the next request, if any (e.g. a fresh Idempotency-Key per order). */
  readonly body?: () => string;
  /** Headers of the next request on top of `headers` (e.g. a fresh Idempotency-Key). */
  readonly nextHeaders?: () => Record<string, string>;
}

/**
 * A closed loop instead of autocannon: `connections` workers, each running
 * `task` again and again until the time is up; a task that started before the
 * deadline is waited for, so everything the run did is accounted for. Used for
 * orders (a fresh Idempotency-Key and body per request, and "orders created =
 * 201s" checked exactly) and for SQL baselines that have no HTTP at all.
 */
export interface WorkerTarget {
  /** The server whose CPU is reported; without one, this process's own CPU (a baseline that runs here). */
  readonly origin?: string;
  /**
   * One unit of work (one order) by worker `worker`; resolves when done. A
   * rejection with a numeric `status` counts as a non-2xx response, any other as an error.
   */
  readonly task: (worker: number) => Promise<void>;
}

/** Thrown by a worker task for an HTTP answer it did not expect. */
export class HttpStatusError extends Error {
  constructor(
    readonly status: number,
    body: string,
  ) {
    super(`HTTP ${status}: ${body.slice(0, 300)}`);
  }
}

export function isWorkerTarget(target: LoadTarget | WorkerTarget): target is WorkerTarget {
  return 'task' in target;
}

/** Figures of one measured run. */
export interface LoadResult {
  readonly requestsPerSecond: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly total: number;
  readonly non2xx: number;
  readonly errors: number;
  readonly timeouts: number;
  readonly statusCodes: Record<string, number>;
  /** The first few failures of a worker run (autocannon does not report them). */
  readonly firstErrors?: readonly string[];
  /** process.hrtime (µs, CLOCK_MONOTONIC like V8 profiles) at the start and end of the measured part. */
  readonly windowUs: readonly [number, number];
  /** CPU time per request of the server process and of Redis during the measured part (µs). */
  readonly serverCpuUsPerRequest?: number;
  /** CPU time per request of the server's main (JavaScript) thread alone: no libuv pool (argon2), no GC helpers. */
  readonly serverMainThreadCpuUsPerRequest?: number;
  readonly redisCpuUsPerRequest?: number;
  /** CPU time per request of both MariaDB servers (primary and replica, which applies every write). */
  readonly databaseCpuUsPerRequest?: number;
}

/** CPU seconds used so far by the server under test, by Redis and by MariaDB (primary + replica). */
export interface CpuSample {
  readonly server?: number;
  /** The server's main thread only (Linux /proc/<pid>/task/<pid>). */
  readonly serverMainThread?: number;
  readonly redis?: number;
  readonly database?: number;
}

/**
 * A benchmark scenario. `setup` prepares data and servers and returns the
 * target; `verify` checks after the run that it measured what it claims
 * (e.g. every request was a cache hit) and returns a short note for the table;
 * `teardown` undoes what `setup` started. Scenarios share long-lived
 * processes (the API) through the context, which stops them at the end.
 */
export interface Scenario {
  readonly name: string;
  readonly description: string;
  /** Name of the scenario the ratio column compares with (its own row shows 1.00). */
  readonly baseline?: string;
  setup(context: BenchContext): Promise<LoadTarget | WorkerTarget>;
  /** Runs just before the warm-up, e.g. to read counters; its value is passed to `verify`. */
  before?(context: BenchContext): Promise<unknown>;
  verify?(context: BenchContext, result: LoadResult, before: unknown): Promise<string>;
  teardown?(context: BenchContext): Promise<void>;
}

/** Shared services of a run, created lazily by the scenarios that need them. */
export interface BenchContext {
  readonly env: Readonly<Record<string, string>>;
  readonly settings: LoadSettings;
  /** Starts the API once (`node dist/main.js`; `instance` > 1 starts more of them) and returns its origin. */
  api(instance?: number): Promise<string>;
  /** Reports `seconds()` as the server CPU of `origin` (e.g. a load balancer and the instances behind it). */
  cpuSource(origin: string, seconds: () => number | undefined): void;
  /** The pid of the started process serving `origin`. */
  pid(origin: string): Promise<number | undefined>;
  /** Starts a built script from dist/ once per name and returns its origin. */
  service(name: string, script: string, env?: Record<string, string>): Promise<string>;
  /** CPU used so far by the process serving `origin` (this process without one), Redis and MariaDB. */
  cpu(origin: string | undefined): Promise<CpuSample>;
  log(line: string): void;
}

export class BenchError extends Error {}

/** Runs the target (autocannon, or the worker loop): a warm-up, then the measured run. */
export async function measure(
  target: LoadTarget | WorkerTarget,
  settings: LoadSettings,
  cpu: () => Promise<CpuSample> = async () => ({}),
): Promise<LoadResult> {
  if (isWorkerTarget(target)) return measureWorkers(target, settings, cpu);
  if (settings.warmupSeconds > 0) await cannon(target, settings, settings.warmupSeconds);
  const cpuBefore = await cpu();
  const start = nowUs();
  const result = await cannon(target, settings, settings.durationSeconds);
  const end = nowUs();
  const cpuAfter = await cpu();
  const perRequest = (before?: number, after?: number): number | undefined =>
    before === undefined || after === undefined || result.requests.total === 0
      ? undefined
      : Math.round(((after - before) * 1e6) / result.requests.total);
  const statusCodes: Record<string, number> = {};
  for (const [code, stats] of Object.entries(result.statusCodeStats ?? {}))
    statusCodes[code] = stats.count ?? 0;
  return {
    requestsPerSecond: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    total: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    statusCodes,
    windowUs: [start, end],
    serverCpuUsPerRequest: perRequest(cpuBefore.server, cpuAfter.server),
    serverMainThreadCpuUsPerRequest: perRequest(
      cpuBefore.serverMainThread,
      cpuAfter.serverMainThread,
    ),
    redisCpuUsPerRequest: perRequest(cpuBefore.redis, cpuAfter.redis),
    databaseCpuUsPerRequest: perRequest(cpuBefore.database, cpuAfter.database),
  };
}

interface LoopStats {
  /** Milliseconds per completed task (2xx or not), in completion order. */
  latencies: number[];
  statusCodes: Record<string, number>;
  non2xx: number;
  errors: number;
  firstErrors: string[];
  elapsedMs: number;
}

/** `connections` workers run `task` until `seconds` have passed, then the last ones finish. */
async function loop(
  target: WorkerTarget,
  connections: number,
  seconds: number,
): Promise<LoopStats> {
  const stats: LoopStats = {
    latencies: [],
    statusCodes: {},
    non2xx: 0,
    errors: 0,
    firstErrors: [],
    elapsedMs: 0,
  };
  const start = performance.now();
  const deadline = start + seconds * 1000;
  await Promise.all(
    Array.from({ length: connections }, async (_, worker) => {
      while (performance.now() < deadline) {
        const began = performance.now();
        try {
          await target.task(worker);
          stats.latencies.push(performance.now() - began);
          stats.statusCodes['2xx'] = (stats.statusCodes['2xx'] ?? 0) + 1;
        } catch (error) {
          const status = (error as { status?: unknown }).status;
          if (typeof status === 'number') {
            stats.latencies.push(performance.now() - began);
            stats.statusCodes[status] = (stats.statusCodes[status] ?? 0) + 1;
            stats.non2xx += 1;
          } else stats.errors += 1;
          if (stats.firstErrors.length < 5) stats.firstErrors.push((error as Error).message);
        }
      }
    }),
  );
  return { ...stats, elapsedMs: performance.now() - start };
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  const value = sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
  return Math.round(value * 10) / 10;
}

async function measureWorkers(
  target: WorkerTarget,
  settings: LoadSettings,
  cpu: () => Promise<CpuSample>,
): Promise<LoadResult> {
  const warmup =
    settings.warmupSeconds > 0
      ? await loop(target, settings.connections, settings.warmupSeconds)
      : undefined;
  const cpuBefore = await cpu();
  const start = nowUs();
  const run = await loop(target, settings.connections, settings.durationSeconds);
  const end = nowUs();
  const cpuAfter = await cpu();
  const total = run.latencies.length;
  const perRequest = (before?: number, after?: number): number | undefined =>
    before === undefined || after === undefined || total === 0
      ? undefined
      : Math.round(((after - before) * 1e6) / total);
  const sorted = [...run.latencies].sort((a, b) => a - b);
  return {
    requestsPerSecond: (total * 1000) / run.elapsedMs,
    p50Ms: percentile(sorted, 50),
    p99Ms: percentile(sorted, 99),
    total,
    // A failure during the warm-up fails the scenario as well.
    non2xx: run.non2xx + (warmup?.non2xx ?? 0),
    errors: run.errors + (warmup?.errors ?? 0),
    timeouts: 0,
    statusCodes: run.statusCodes,
    firstErrors: [...(warmup?.firstErrors ?? []), ...run.firstErrors].slice(0, 5),
    windowUs: [start, end],
    serverCpuUsPerRequest: perRequest(cpuBefore.server, cpuAfter.server),
    serverMainThreadCpuUsPerRequest: perRequest(
      cpuBefore.serverMainThread,
      cpuAfter.serverMainThread,
    ),
    redisCpuUsPerRequest: perRequest(cpuBefore.redis, cpuAfter.redis),
    databaseCpuUsPerRequest: perRequest(cpuBefore.database, cpuAfter.database),
  };
}

/** user + system CPU seconds of a process (Linux /proc), or undefined elsewhere. */
/** Resident memory of a process now and at its peak (VmRSS, VmHWM), in MiB. */
export function processRssMb(pid: number | undefined): { now: number; peak: number } | undefined {
  if (pid === undefined) return undefined;
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (name: string) => Number(new RegExp(`${name}:\\s+(\\d+) kB`).exec(status)?.[1]);
    const now = kb('VmRSS');
    const peak = kb('VmHWM');
    return Number.isNaN(now) || Number.isNaN(peak)
      ? undefined
      : { now: Math.round(now / 1024), peak: Math.round(peak / 1024) };
  } catch {
    return undefined;
  }
}

export function processCpuSeconds(pid: number | undefined): number | undefined {
  return statCpuSeconds(pid === undefined ? undefined : `/proc/${pid}/stat`);
}

/** user + system CPU seconds of a process's main thread (its thread id is its pid). */
export function mainThreadCpuSeconds(pid: number | undefined): number | undefined {
  return statCpuSeconds(pid === undefined ? undefined : `/proc/${pid}/task/${pid}/stat`);
}

function statCpuSeconds(path: string | undefined): number | undefined {
  if (path === undefined) return undefined;
  try {
    const stat = readFileSync(path, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // fields[11] and [12] are utime and stime (fields 14 and 15 of proc(5)), in clock ticks
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
  } catch {
    return undefined;
  }
}

/** USER_HZ: 100 on every mainstream Linux build. */
const CLOCK_TICKS = 100;

function cannon(
  target: LoadTarget,
  settings: LoadSettings,
  seconds: number,
): Promise<autocannon.Result> {
  const method = target.method ?? 'GET';
  return autocannon({
    url: target.origin,
    connections: settings.connections,
    pipelining: settings.pipelining,
    duration: seconds,
    headers: target.headers,
    requests: [
      {
        method,
        path: target.path(),
        setupRequest: (request) => {
          const next: autocannon.Request = { ...request, path: target.path() };
          if (target.body) next.body = target.body();
          if (target.nextHeaders)
            next.headers = { ...target.headers, ...request.headers, ...target.nextHeaders() };
          return next;
        },
      },
    ],
  });
}

export function nowUs(): number {
  return Number(process.hrtime.bigint() / 1000n);
}

export interface ManagedProcess {
  readonly origin: string;
  /** Milliseconds from spawn to the first 200 of its ready path (polled every 10 ms). */
  readonly readyMs: number;
  readonly logFile: string;
  readonly child: ChildProcess;
  stop(): Promise<void>;
}

/**
 * Starts `node [nodeArgs] <script>` with its output going straight to a log
 * file (no pipe through this process, which is busy generating load) and
 * waits until `readyPath` answers 200.
 */
export async function startNode(
  label: string,
  script: string,
  env: Record<string, string>,
  options: { port: number; readyPath: string; nodeArgs?: readonly string[] },
): Promise<ManagedProcess> {
  mkdirSync(LOG_DIR, { recursive: true });
  const logFile = join(LOG_DIR, `${label}-${new Date().toISOString().replace(/[:.]/g, '-')}.log`);
  const fd = openSync(logFile, 'a');
  const spawnedAt = performance.now();
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), script], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', ...env, PORT: String(options.port) },
    stdio: ['ignore', fd, fd],
  });
  closeSync(fd);
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => resolve(code)),
  );
  const origin = `http://127.0.0.1:${options.port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null)
      throw new BenchError(`${label} exited with ${child.exitCode} at start (log: ${logFile})`);
    try {
      const response = await fetch(origin + options.readyPath, {
        signal: AbortSignal.timeout(1000),
      });
      await response.arrayBuffer();
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new BenchError(`${label} not ready within 60 s (log: ${logFile})`);
    }
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return {
    origin,
    readyMs: Math.round(performance.now() - spawnedAt),
    logFile,
    child,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** Deterministic shuffle (same order on every run for the same input). */
export function shuffled<T>(items: readonly T[], seed = 0x9e3779b9): T[] {
  const out = [...items];
  let state = seed >>> 0;
  for (let i = out.length - 1; i > 0; i -= 1) {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    const j = state % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** Round-robin over a list: `next()` gives the items in order, forever. */
export function cycle<T>(items: readonly T[]): { next: () => T; laps: () => number } {
  if (items.length === 0) throw new BenchError('cycle over an empty list');
  let index = 0;
  let laps = 0;
  return {
    next: () => {
      const item = items[index]!;
      index += 1;
      if (index === items.length) {
        index = 0;
        laps += 1;
      }
      return item;
    },
    laps: () => laps,
  };
}

export { counterValue } from './prometheus';
