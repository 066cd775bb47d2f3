import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { AddressInfo, createServer } from 'node:net';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import Redis from 'ioredis';
import { createConnection } from 'mysql2/promise';
import { catalogScenarios } from './catalog.scenarios';
import { identityScenarios } from './identity.scenarios';
import { orderScenarios } from './orders.scenarios';
import { scaleOutScenarios } from './scale-out.scenarios';
import { formatSummary, summarizeProfile } from './cpu-profile';
import {
  BENCH_DB_POOL_SIZE,
  BENCH_JWT_SECRET,
  BenchContext,
  BenchError,
  CpuSample,
  LoadResult,
  LoadSettings,
  mainThreadCpuSeconds,
  ManagedProcess,
  measure,
  processCpuSeconds,
  processRssMb,
  PROFILE_DIR,
  ROOT,
  Scenario,
  startNode,
} from './harness';

/**
 * `npm run bench` runner (started by scripts/bench.sh once the bench stack is
 * up, migrated and seeded). Runs every scenario with the same autocannon
 * settings, prints a table and writes it into docs/performance.md.
 * Add scenarios to SCENARIOS. Order placement runs last: it changes stock and
 * evicts product keys, which the catalog scenarios must not see.
 */
const SCENARIOS: readonly Scenario[] = [
  ...catalogScenarios,
  ...identityScenarios,
  ...scaleOutScenarios,
  ...orderScenarios,
];

/**
 * V8 heap settings the API is deployed with (docker/Dockerfile, docker/k8s/api.yaml,
 * scripts/up.sh; ADR 0075): the bench measures the API as it runs in production.
 */
const API_NODE_FLAGS = ['--max-old-space-size=160', '--max-semi-space-size=8'] as const;

const DOC = join(ROOT, 'docs', 'performance.md');
const BEGIN = '<!-- bench:results:begin (written by npm run bench) -->';
const END = '<!-- bench:results:end -->';

interface Options {
  readonly settings: LoadSettings;
  readonly only: readonly string[] | undefined;
  readonly cpuProf: boolean;
  readonly writeDoc: boolean;
  readonly command: string;
}

function parseArgs(argv: readonly string[]): Options {
  const value = (name: string): string | undefined => {
    const index = argv.indexOf(`--${name}`);
    return index >= 0 ? argv[index + 1] : undefined;
  };
  const int = (name: string, fallback: number): number => {
    const raw = value(name);
    const parsed = raw === undefined ? fallback : Number(raw);
    if (!Number.isInteger(parsed) || parsed < 0)
      throw new BenchError(`--${name} must be an integer`);
    return parsed;
  };
  const only = value('only')?.split(',').filter(Boolean);
  for (const name of only ?? [])
    if (!SCENARIOS.some((scenario) => scenario.name === name))
      throw new BenchError(`unknown scenario ${name} (${SCENARIOS.map((s) => s.name).join(', ')})`);
  return {
    settings: {
      connections: int('connections', 50),
      durationSeconds: int('duration', 10),
      warmupSeconds: int('warmup', 3),
      pipelining: int('pipelining', 1),
    },
    only,
    cpuProf: argv.includes('--cpu-prof'),
    // A partial or profiled run is not the record of the suite.
    writeDoc: !argv.includes('--no-doc') && !only && !argv.includes('--cpu-prof'),
    command: ['npm run bench', ...(argv.length ? ['--', ...argv] : [])].join(' '),
  };
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

function requiredEnv(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const name of [
    'DATABASE_URL',
    'DATABASE_REPLICA_URLS',
    'REDIS_URL',
    'SMTP_URL',
    'DATA_KEYS',
    'BLIND_INDEX_KEY',
  ]) {
    const value = process.env[name];
    if (!value) throw new BenchError(`${name} is not set: run npm run bench (scripts/bench.sh)`);
    env[name] = value;
  }
  return env;
}

class Context implements BenchContext {
  private readonly processes = new Map<string, Promise<ManagedProcess>>();
  private readonly redis: Redis;

  constructor(
    readonly env: Record<string, string>,
    readonly settings: LoadSettings,
    private readonly cpuProf: boolean,
  ) {
    this.redis = new Redis(env.REDIS_URL!, { lazyConnect: true });
  }

  api(instance = 1): Promise<string> {
    return this.start(instance === 1 ? 'api' : `api-${instance}`, 'dist/main.js', '/health/ready', {
      ...this.env,
      NODE_ENV: 'production',
      JWT_SECRET: BENCH_JWT_SECRET,
      DB_POOL_SIZE: String(BENCH_DB_POOL_SIZE),
      // The guard runs (a Redis counter per request) but never rejects.
      RATE_LIMIT_RPM: '100000000',
      LOG_LEVEL: 'info',
      SHUTDOWN_DRAIN_MS: '0',
    });
  }

  service(name: string, script: string, env: Record<string, string> = {}): Promise<string> {
    return this.start(name, script, '/health', env);
  }

  async cpu(origin: string | undefined): Promise<CpuSample> {
    let server: number | undefined;
    let serverMainThread: number | undefined;
    const source = origin === undefined ? undefined : this.cpuSources.get(origin);
    if (source) server = source();
    else if (origin === undefined) {
      const own = process.cpuUsage();
      server = (own.user + own.system) / 1e6;
    } else {
      for (const running of this.processes.values()) {
        const p = await running.catch(() => undefined);
        if (p?.origin === origin) {
          server = processCpuSeconds(p.child.pid);
          serverMainThread = mainThreadCpuSeconds(p.child.pid);
        }
      }
    }
    const info = await this.redis.info('cpu').catch(() => '');
    const used = (name: string) => Number(new RegExp(`${name}:([0-9.]+)`).exec(info)?.[1] ?? NaN);
    const redis = used('used_cpu_user') + used('used_cpu_sys');
    return {
      server,
      serverMainThread,
      redis: Number.isNaN(redis) ? undefined : redis,
      database: databaseCpuSeconds(),
    };
  }

  private readonly cpuSources = new Map<string, () => number | undefined>();

  cpuSource(origin: string, seconds: () => number | undefined): void {
    this.cpuSources.set(origin, seconds);
  }

  async pid(origin: string): Promise<number | undefined> {
    for (const running of this.processes.values()) {
      const p = await running.catch(() => undefined);
      if (p && p.origin === origin) return p.child.pid;
    }
    return undefined;
  }

  /** Peak resident memory (MiB) of the server behind `origin` so far; undefined for a baseline run here. */
  async rssMb(origin: string | undefined): Promise<number | undefined> {
    for (const running of this.processes.values()) {
      const p = await running.catch(() => undefined);
      if (p && p.origin === origin) return processRssMb(p.child.pid)?.peak;
    }
    return undefined;
  }

  /** Start to ready of every process started so far. */
  async readiness(): Promise<string[]> {
    const lines: string[] = [];
    for (const [name, running] of this.processes) {
      const p = await running.catch(() => undefined);
      if (p) lines.push(`${name} ${p.readyMs.toLocaleString('en-US')} ms`);
    }
    return lines;
  }

  log(line: string): void {
    process.stdout.write(`${line}\n`);
  }

  private start(
    name: string,
    script: string,
    readyPath: string,
    env: Record<string, string>,
  ): Promise<string> {
    let running = this.processes.get(name);
    if (!running) {
      const nodeArgs = [
        ...(script === 'dist/main.js' ? API_NODE_FLAGS : []),
        ...(name === 'api' && this.cpuProf ? ['--cpu-prof', `--cpu-prof-dir=${PROFILE_DIR}`] : []),
      ];
      running = freePort().then((port) =>
        startNode(name, join(ROOT, script), env, { port, readyPath, nodeArgs }),
      );
      this.processes.set(name, running);
      void running.then((p) =>
        this.log(`started ${name} on ${p.origin} in ${p.readyMs} ms to ready (log: ${p.logFile})`),
      );
    }
    return running.then((p) => p.origin);
  }

  async stopAll(): Promise<void> {
    for (const [name, running] of [...this.processes].reverse()) {
      const p = await running.catch(() => undefined);
      if (!p) continue;
      await p.stop();
      this.log(`stopped ${name}`);
    }
    this.processes.clear();
    this.redis.disconnect();
  }
}

/** CPU seconds of the bench's two mariadbd processes (pid files under STACK_DIR), if readable. */
function databaseCpuSeconds(): number | undefined {
  const dir = process.env.STACK_DIR;
  if (!dir) return undefined;
  let sum = 0;
  for (const instance of ['primary', 'replica']) {
    try {
      const pid = Number(readFileSync(join(dir, instance, 'mariadbd.pid'), 'utf8').trim());
      const seconds = processCpuSeconds(pid);
      if (seconds === undefined) return undefined;
      sum += seconds;
    } catch {
      return undefined;
    }
  }
  return sum;
}

interface Row {
  readonly scenario: Scenario;
  readonly result: LoadResult;
  readonly note: string;
  /** Peak RSS of the server process after the scenario (MiB). */
  readonly rssMb: number | undefined;
}

function table(rows: readonly Row[]): string {
  const rps = new Map(rows.map((row) => [row.scenario.name, row.result.requestsPerSecond]));
  const lines = [
    '| scenario | req/s | p50 ms | p99 ms | ratio to baseline | server CPU µs/req | Redis CPU µs/req | MariaDB CPU µs/req | server peak RSS MiB | checked |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
  ];
  for (const { scenario, result, note, rssMb } of rows) {
    const base = scenario.baseline ? rps.get(scenario.baseline) : undefined;
    const ratio = base ? (result.requestsPerSecond / base).toFixed(2) : 'n/a';
    lines.push(
      `| ${scenario.name} | ${Math.round(result.requestsPerSecond).toLocaleString('en-US')} | ${result.p50Ms} | ${result.p99Ms} | ${ratio}${scenario.baseline && scenario.baseline !== scenario.name ? ` (of ${scenario.baseline})` : ''} | ${result.serverCpuUsPerRequest ?? '?'} | ${result.redisCpuUsPerRequest ?? '?'} | ${result.databaseCpuUsPerRequest ?? '?'} | ${rssMb ?? 'n/a'} | ${note} |`,
    );
  }
  return lines.join('\n');
}

function packageVersion(name: string): string {
  try {
    return (
      JSON.parse(readFileSync(join(ROOT, 'node_modules', name, 'package.json'), 'utf8')) as {
        version: string;
      }
    ).version;
  } catch {
    return '?';
  }
}

async function machine(env: Record<string, string>): Promise<string[]> {
  const connection = await createConnection(env.DATABASE_URL!);
  const [[row]] = (await connection.query('SELECT VERSION() AS v')) as unknown as [[{ v: string }]];
  await connection.end();
  const redis = new Redis(env.REDIS_URL!);
  const info = await redis.info('server');
  await redis.quit();
  const cpu = cpus();
  const packages = [
    '@nestjs/core',
    '@nestjs/platform-fastify',
    'fastify',
    'nestjs-pino',
    'pino',
    'pino-http',
    '@nestjs/throttler',
    'prom-client',
    'ioredis',
    'helmet',
    'typeorm',
    'mysql2',
    'autocannon',
  ];
  return [
    `- Machine: ${cpu.length} cores (${cpu[0]?.model.trim() ?? '?'}), ${Math.round(totalmem() / 2 ** 30)} GiB RAM, shared by load generator, API, MariaDB and Redis`,
    `- Node ${process.version}; MariaDB ${row.v}; Redis ${/redis_version:(\S+)/.exec(info)?.[1] ?? '?'}`,
    `- Packages: ${packages.map((name) => `${name} ${packageVersion(name)}`).join(', ')}`,
  ];
}

function writeDoc(section: string): void {
  const existing = existsSync(DOC)
    ? readFileSync(DOC, 'utf8')
    : `# Performance\n\n${BEGIN}\n${END}\n`;
  const start = existing.indexOf(BEGIN);
  const end = existing.indexOf(END);
  if (start < 0 || end < start) throw new BenchError(`${DOC} lacks the ${BEGIN} … ${END} markers`);
  writeFileSync(
    DOC,
    `${existing.slice(0, start + BEGIN.length)}\n\n${section}\n\n${existing.slice(end)}`,
  );
}

function newestProfile(since: number): string | undefined {
  if (!existsSync(PROFILE_DIR)) return undefined;
  return readdirSync(PROFILE_DIR)
    .filter((file) => file.endsWith('.cpuprofile'))
    .map((file) => join(PROFILE_DIR, file))
    .filter((file) => statSync(file).mtimeMs >= since)
    .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs)[0];
}

async function main(): Promise<number> {
  const options = parseArgs(process.argv.slice(2));
  const env = requiredEnv();
  const context = new Context(env, options.settings, options.cpuProf);
  const selected = SCENARIOS.filter((s) => !options.only || options.only.includes(s.name));
  const startedAt = Date.now();
  const rows: Row[] = [];
  const failures: string[] = [];
  const readiness: string[] = [];
  const s = options.settings;
  context.log(
    `settings: ${s.connections} connections, pipelining ${s.pipelining}, ${s.warmupSeconds} s warm-up + ${s.durationSeconds} s measured per scenario`,
  );
  try {
    for (const scenario of selected) {
      context.log(`\n== ${scenario.name}: ${scenario.description}`);
      try {
        const target = await scenario.setup(context);
        const before = scenario.before ? await scenario.before(context) : undefined;
        const result = await measure(target, options.settings, () => context.cpu(target.origin));
        if (result.non2xx > 0 || result.errors > 0 || result.timeouts > 0)
          throw new BenchError(
            `${result.non2xx} non-2xx responses, ${result.errors} errors, ${result.timeouts} timeouts; status codes: ${JSON.stringify(result.statusCodes)}${result.firstErrors?.length ? `; first: ${result.firstErrors.join(' | ')}` : ''}`,
          );
        const note = scenario.verify ? await scenario.verify(context, result, before) : '';
        rows.push({ scenario, result, note, rssMb: await context.rssMb(target.origin) });
        context.log(
          `   ${Math.round(result.requestsPerSecond)} req/s, p50 ${result.p50Ms} ms, p99 ${result.p99Ms} ms (${result.total} requests${note ? `; ${note}` : ''})`,
        );
        if (options.cpuProf)
          context.log(`   measured window (monotonic µs): ${result.windowUs.join(' ')}`);
      } catch (error) {
        const message = `${scenario.name}: ${(error as Error).message}`;
        failures.push(message);
        context.log(`   FAILED ${message}`);
      } finally {
        await scenario.teardown?.(context).catch((error: Error) => {
          failures.push(`${scenario.name} teardown: ${error.message}`);
        });
      }
    }
    readiness.push(...(await context.readiness()));
  } finally {
    await context.stopAll();
  }

  const resultTable = table(rows);
  context.log(`\n${resultTable}\n`);
  context.log(`start to ready: ${readiness.join(', ')}`);
  if (options.cpuProf) {
    const file = newestProfile(startedAt);
    if (!file) failures.push('no .cpuprofile written by the API');
    else {
      const windows = rows.map((row) => row.result.windowUs);
      const window =
        windows.length > 0
          ? ([
              Math.min(...windows.map((w) => w[0])),
              Math.max(...windows.map((w) => w[1])),
            ] as const)
          : undefined;
      context.log(`profile: ${file}`);
      context.log(formatSummary(summarizeProfile(file, window)));
    }
  }
  if (options.writeDoc && failures.length === 0) {
    const section = [
      `Last run: ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, \`${options.command}\``,
      '',
      ...(await machine(env)),
      `- Settings: autocannon, ${s.connections} connections, pipelining ${s.pipelining}, ${s.warmupSeconds} s warm-up then ${s.durationSeconds} s measured, per scenario, one after the other; the \`orders*\` scenarios use a closed loop of ${s.connections} workers instead (see Order placement), req/s there is orders/s`,
      `- MariaDB CPU: primary + replica (the replica applies every write on the same 2 cores); server CPU of an \`*-sql\` baseline is the bench process, which plays the API's part there`,
      `- API: one \`node ${API_NODE_FLAGS.join(' ')} dist/main.js\` (the deployed heap settings), \`NODE_ENV=production\`, \`LOG_LEVEL=info\` with every request logged to a file under \`.local/bench/logs/\`, Prometheus metrics on, rate limiting on (\`RATE_LIMIT_RPM=100000000\`: the Redis counter runs on every request, nothing is rejected)`,
      `- Start to ready (spawn to the first 200 of \`/health/ready\`, or \`/health\` for the bare server): ${readiness.join(', ')}; server peak RSS is VmHWM of the process after each scenario`,
      '',
      resultTable,
      '',
      ...selected.map((scenario) => `- \`${scenario.name}\`: ${scenario.description}`),
    ].join('\n');
    writeDoc(section);
    context.log(`wrote ${DOC}`);
  }
  mkdirSync(join(ROOT, 'reports'), { recursive: true });
  writeFileSync(
    join(ROOT, 'reports', 'bench.json'),
    JSON.stringify(
      {
        at: new Date().toISOString(),
        settings: options.settings,
        results: rows.map((r) => ({ name: r.scenario.name, ...r.result, note: r.note })),
        failures,
      },
      null,
      2,
    ),
  );
  if (failures.length > 0) {
    context.log(`bench: ${failures.length} failed:\n  ${failures.join('\n  ')}`);
    return 1;
  }
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`bench failed: ${(error as Error).stack ?? String(error)}\n`);
    process.exit(1);
  },
);
