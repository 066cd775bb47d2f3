import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { closeSync, mkdirSync, openSync, writeFileSync } from 'node:fs';
import { AddressInfo, createServer } from 'node:net';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { warmIds } from './catalog.scenarios';
import { orderLoad } from './orders.scenarios';
import {
  BENCH_DIR,
  BenchContext,
  BenchError,
  cycle,
  LoadResult,
  LOG_DIR,
  processCpuSeconds,
  Scenario,
} from './harness';

/**
 * Issue 12 item 5: the cached product detail, and orders (`orders` with its
 * own checks), through HAProxy to one and to two API instances (ADR 0045). The load generator (this process, all its
 * threads) is pinned to CPU 0 and HAProxy and the API instances to the other
 * CPUs for the run, so they do not take each other's time; MariaDB and Redis
 * are not pinned. Server CPU µs/req is HAProxy plus every instance.
 */
interface Edge {
  readonly origin: string;
  readonly haproxy: ChildProcess;
  readonly pids: number[];
}

const CPU_COUNT = cpus().length;
const ALL_CPUS = `0-${CPU_COUNT - 1}`;
const SERVER_CPUS = CPU_COUNT > 2 ? `1-${CPU_COUNT - 1}` : CPU_COUNT === 2 ? '1' : '0';

function pin(pid: number, list: string): void {
  if (CPU_COUNT < 2) return;
  try {
    execFileSync('taskset', ['-a', '-p', '-c', list, String(pid)], { stdio: 'ignore' });
  } catch {
    throw new BenchError(`taskset failed for pid ${pid}: install util-linux`);
  }
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

/** A bench-only HAProxy (HTTP keep-alive to the instances, round robin) in front of `backends`. */
async function startHaproxy(
  name: string,
  backends: readonly string[],
): Promise<{ child: ChildProcess; origin: string }> {
  const port = await freePort();
  mkdirSync(LOG_DIR, { recursive: true });
  const config = join(BENCH_DIR, `${name}.haproxy.cfg`);
  writeFileSync(
    config,
    [
      'global',
      '  maxconn 4096',
      '  nbthread 1',
      'defaults',
      '  mode http',
      '  timeout connect 2s',
      '  timeout client 30s',
      '  timeout server 30s',
      '  option http-keep-alive',
      '  http-reuse always',
      `frontend api`,
      `  bind 127.0.0.1:${port}`,
      '  default_backend instances',
      'backend instances',
      '  balance roundrobin',
      ...backends.map((origin, i) => `  server api${i + 1} ${origin.replace('http://', '')}`),
      '',
    ].join('\n'),
  );
  const fd = openSync(join(LOG_DIR, `${name}.haproxy.log`), 'a');
  const child = spawn('haproxy', ['-f', config, '-db'], { stdio: ['ignore', fd, fd] });
  closeSync(fd);
  const origin = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i++) {
    if (child.exitCode !== null) throw new BenchError(`haproxy exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${origin}/health/live`)).ok) return { child, origin };
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  child.kill('SIGKILL');
  throw new BenchError('haproxy did not answer within 5 s');
}

/** What goes through the edge: the cached product detail, or orders as in `orders`. */
type EdgeLoad = 'detail-cached' | 'orders';

const DESCRIPTIONS: Record<EdgeLoad, string> = {
  'detail-cached': 'GET /api/v1/products/:id over the 100 warm ids',
  orders:
    'POST /api/v1/orders as in `orders` (its own users and 3,000 products, the same checks afterwards)',
};

function edgeScenario(instances: number, load: EdgeLoad = 'detail-cached'): Scenario {
  let edge: Edge | undefined;
  let orders: Awaited<ReturnType<typeof orderLoad>> | undefined;
  return {
    name: `edge-${instances}-${load}`,
    description: `${DESCRIPTIONS[load]} through HAProxy to ${instances} API instance${instances > 1 ? 's' : ''}; load generator pinned to CPU 0, HAProxy and the instances to CPU ${SERVER_CPUS}`,
    baseline: `edge-1-${load}`,
    async setup(context: BenchContext) {
      const ids = load === 'detail-cached' ? await warmIds(context) : [];
      const origins: string[] = [];
      for (let i = 1; i <= instances; i++) origins.push(await context.api(i));
      const pids: number[] = [];
      for (const origin of origins) {
        const pid = await context.pid(origin);
        if (pid === undefined) throw new BenchError(`no pid for ${origin}`);
        pids.push(pid);
      }
      const { child: haproxy, origin: edgeOrigin } = await startHaproxy(
        `edge-${instances}`,
        origins,
      );
      edge = { origin: edgeOrigin, haproxy, pids };
      if (load === 'orders')
        orders = await orderLoad(
          context,
          instances === 1 ? 'edge-1-orders' : 'edge-2-orders',
          new URL(edgeOrigin),
        );
      pin(process.pid, '0');
      for (const pid of [...pids, haproxy.pid!]) pin(pid, SERVER_CPUS);
      const all = [...pids, haproxy.pid!];
      context.cpuSource(edgeOrigin, () => {
        let sum = 0;
        for (const pid of all) {
          const seconds = processCpuSeconds(pid);
          if (seconds === undefined) return undefined;
          sum += seconds;
        }
        return sum;
      });
      if (orders) return { origin: edgeOrigin, task: orders.task };
      const next = cycle(ids);
      return { origin: edgeOrigin, path: () => `/api/v1/products/${next.next()}` };
    },
    before: async () => cpuOf(edge),
    async verify(_context, result: LoadResult, before) {
      const start = before as { api: number; haproxy: number; at: number };
      const end = cpuOf(edge);
      const seconds = (end.at - start.at) / 1000;
      const apiShare = ((end.api - start.api) / seconds / (edge?.pids.length ?? 1)) * 100;
      const perRequest = (value: number) => Math.round((value * 1e6) / Math.max(1, result.total));
      const cpu = `API CPU ${perRequest(end.api - start.api)} µs/req, HAProxy ${perRequest(end.haproxy - start.haproxy)} µs/req (warm-up included); each instance ${Math.round(apiShare)}% of a core`;
      return orders ? `${await orders.verify()}; ${cpu}` : cpu;
    },
    async teardown() {
      orders?.close();
      orders = undefined;
      pin(process.pid, ALL_CPUS);
      if (!edge) return;
      for (const pid of edge.pids) pin(pid, ALL_CPUS);
      edge.haproxy.kill('SIGTERM');
      edge = undefined;
    },
  };
}

function cpuOf(edge: Edge | undefined): { api: number; haproxy: number; at: number } {
  const sum = (pids: readonly number[]) =>
    pids.reduce((total, pid) => total + (processCpuSeconds(pid) ?? 0), 0);
  return {
    api: sum(edge?.pids ?? []),
    haproxy: edge?.haproxy.pid ? (processCpuSeconds(edge.haproxy.pid) ?? 0) : 0,
    at: Date.now(),
  };
}

export const scaleOutScenarios: readonly Scenario[] = [
  edgeScenario(1),
  edgeScenario(2),
  edgeScenario(1, 'orders'),
  edgeScenario(2, 'orders'),
];
