import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { freePort, startApi, startWorker } from '../support/app-process';
import { requireEnv } from '../support/env';
import { ROOT, runTool, scrapeOnce, scratchDir } from '../support/deploy-tools';
import { scrape } from '../support/metrics';
import { exposedNames, promqlSelection, unknownMetrics } from '../support/promql';

/**
 * Issue 9.2: the Grafana dashboards load and show real data. Every panel's
 * PromQL must parse (Prometheus's lezer grammar, then promtool) and may only
 * name metrics that something exports: the API and the worker (read from
 * their live /metrics), HAProxy's exporter, mysqld_exporter (primary and
 * replica), redis_exporter and node_exporter (each started against the test
 * stack here and scraped), or a recording rule of docker/prometheus/rules.
 * The alert rules are held to the same names.
 */
const GRAFANA = join(ROOT, 'docker', 'grafana', 'provisioning');
const DASHBOARDS = join(GRAFANA, 'dashboards', 'json');
const RULES = join(ROOT, 'docker', 'prometheus', 'rules');

interface Panel {
  title: string;
  type: string;
  datasource?: { uid?: string };
  targets?: { expr?: string; datasource?: { uid?: string } }[];
}
interface Dashboard {
  uid: string;
  title: string;
  panels: Panel[];
}

const dashboards: [string, Dashboard][] = readdirSync(DASHBOARDS)
  .filter((file) => file.endsWith('.json'))
  .map((file) => [file, JSON.parse(readFileSync(join(DASHBOARDS, file), 'utf8')) as Dashboard]);
const panelQueries = dashboards.flatMap(([file, dashboard]) =>
  dashboard.panels.flatMap((panel) =>
    (panel.targets ?? []).map((target) => ({
      where: `${file} / ${panel.title}`,
      expr: target.expr ?? '',
    })),
  ),
);
const rules = readdirSync(RULES)
  .filter((file) => file.endsWith('.yml'))
  .flatMap((file) =>
    (
      parse(readFileSync(join(RULES, file), 'utf8')) as {
        groups: { rules: { alert?: string; record?: string; expr: string }[] }[];
      }
    ).groups.flatMap((group) => group.rules),
  );

/** The socket of a test-stack MariaDB node, from its option file. */
function socketOf(node: 'primary' | 'replica'): string {
  const cnf = readFileSync(join(requireEnv('STACK_DIR'), node, 'my.cnf'), 'utf8');
  const socket = /^socket=(.+)$/m.exec(cnf)?.[1];
  if (!socket) throw new Error(`no socket in ${node}/my.cnf`);
  return socket.trim();
}

async function haproxyMetrics(): Promise<string> {
  const [stats, front, backendPort] = await Promise.all([freePort(), freePort(), freePort()]);
  const config = join(scratchDir('haproxy'), 'haproxy.cfg');
  writeFileSync(
    config,
    [
      'defaults',
      '  mode http',
      '  timeout connect 1s',
      '  timeout client 5s',
      '  timeout server 5s',
      'frontend stats',
      `  bind 127.0.0.1:${stats}`,
      '  http-request use-service prometheus-exporter if { path /metrics }',
      'frontend http',
      `  bind 127.0.0.1:${front}`,
      '  default_backend api',
      'backend api',
      '  option httpchk GET /health/ready',
      `  server api1 127.0.0.1:${backendPort} check inter 1s`,
      '',
    ].join('\n'),
  );
  return scrapeOnce('haproxy', ['-db', '-f', config], stats);
}

async function mysqldMetrics(node: 'primary' | 'replica'): Promise<string> {
  const port = await freePort();
  return scrapeOnce(
    'prometheus-mysqld-exporter',
    [`--web.listen-address=127.0.0.1:${port}`, '--collect.binlog_size'],
    port,
    // root through the socket (unix_socket authentication of the test stack)
    { DATA_SOURCE_NAME: `root@unix(${socketOf(node)})/` },
  );
}

async function redisMetrics(): Promise<string> {
  const port = await freePort();
  const redis = new URL(requireEnv('REDIS_URL'));
  return scrapeOnce(
    'prometheus-redis-exporter',
    [`--web.listen-address=127.0.0.1:${port}`, `--redis.addr=redis://${redis.host}`],
    port,
  );
}

async function nodeMetrics(): Promise<string> {
  const port = await freePort();
  return scrapeOnce('prometheus-node-exporter', [`--web.listen-address=127.0.0.1:${port}`], port);
}

describe('Grafana dashboards (e2e)', () => {
  const sources: Record<string, Set<string>> = {};
  let known: Set<string>;

  beforeAll(async () => {
    const [api, worker] = await Promise.all([
      startApi({}, { waitFor: 'ready' }),
      startWorker({}, { waitFor: 'ready' }),
    ]);
    try {
      sources.api = exposedNames(await scrape(api.url));
      sources.worker = exposedNames(await scrape(worker.url));
    } finally {
      await Promise.all([api.stop(), worker.stop()]);
    }
    sources.haproxy = exposedNames(await haproxyMetrics());
    sources.mysqlPrimary = exposedNames(await mysqldMetrics('primary'));
    sources.mysqlReplica = exposedNames(await mysqldMetrics('replica'));
    sources.redis = exposedNames(await redisMetrics());
    sources.node = exposedNames(await nodeMetrics());
    sources.rules = new Set(rules.flatMap((rule) => (rule.record ? [rule.record] : [])));
    sources.prometheus = new Set(['up']);
    known = new Set(Object.values(sources).flatMap((names) => [...names]));
  }, 120_000);

  it('read real metric lists from every source', () => {
    expect(sources.api!.has('hexashop_http_request_duration_seconds_bucket')).toBe(true);
    expect(sources.worker!.has('hexashop_jobs_processed_total')).toBe(true);
    expect(sources.haproxy!.has('haproxy_server_status')).toBe(true);
    expect(sources.mysqlPrimary!.has('mysql_up')).toBe(true);
    expect(sources.mysqlReplica!.has('mysql_slave_status_slave_sql_running')).toBe(true);
    expect(sources.redis!.has('redis_up')).toBe(true);
    expect(sources.node!.has('node_filesystem_avail_bytes')).toBe(true);
  });

  it('provisions every dashboard file from the folder Grafana is pointed at', () => {
    const provider = parse(readFileSync(join(GRAFANA, 'dashboards', 'hexashop.yml'), 'utf8')) as {
      providers: { options: { path: string } }[];
    };
    // compose mounts docker/grafana/provisioning at /etc/grafana/provisioning
    expect(provider.providers[0]!.options.path).toBe('/etc/grafana/provisioning/dashboards/json');
    const datasource = parse(
      readFileSync(join(GRAFANA, 'datasources', 'prometheus.yml'), 'utf8'),
    ) as { datasources: { uid: string }[] };
    const uid = datasource.datasources[0]!.uid;
    expect(dashboards.length).toBeGreaterThanOrEqual(5);
    expect(new Set(dashboards.map(([, d]) => d.uid)).size).toBe(dashboards.length);
    for (const [, dashboard] of dashboards) {
      expect(dashboard.panels.length).toBeGreaterThan(0);
      for (const panel of dashboard.panels) {
        expect({ panel: panel.title, uid: panel.datasource?.uid }).toEqual({
          panel: panel.title,
          uid,
        });
        expect(panel.targets?.length).toBeGreaterThan(0);
      }
    }
  });

  it('covers what the issue asks for', () => {
    const titles = dashboards
      .flatMap(([, d]) => [d.title, ...d.panels.map((p) => p.title)])
      .join('\n');
    for (const topic of [
      /by route/,
      /Cache hit ratio/,
      /Replica lag/,
      /Read routing/,
      /Jobs by queue/,
      /Outbox/,
      /Dead letters/,
      /Orders placed per minute/,
      /Orders cancelled per minute/,
      /Security events/,
      /DB pool/,
      /Event-loop lag/,
      /memory/i,
      /MySQL/,
      /Redis/,
    ])
      expect(titles).toMatch(topic);
  });

  it('every panel query parses, and promtool agrees', () => {
    const errors = panelQueries.flatMap(({ where, expr }) =>
      promqlSelection(expr.replace(/\$__rate_interval/g, '1m')).errors.map((e) => `${where}: ${e}`),
    );
    expect(errors).toEqual([]);
    const file = join(scratchDir('panels'), 'panels.yml');
    writeFileSync(
      file,
      stringify({
        groups: [
          {
            name: 'dashboard-queries',
            rules: panelQueries.map(({ expr }, index) => ({
              record: `dashboard:query_${index}`,
              expr: expr.replace(/\$__rate_interval/g, '1m'),
            })),
          },
        ],
      }),
    );
    const result = runTool('promtool', ['check', 'rules', file]);
    expect(result.output).toContain('SUCCESS');
    expect(result.status).toBe(0);
  });

  it('every metric a panel reads is exported by the app, HAProxy or an exporter', () => {
    const unknown = panelQueries.flatMap(({ where, expr }) =>
      unknownMetrics(expr, known).map((name) => `${where}: ${name}`),
    );
    expect(unknown).toEqual([]);
  });

  it('every metric an alert or recording rule reads is exported too', () => {
    const unknown = rules.flatMap((rule) =>
      unknownMetrics(rule.expr, known).map((name) => `${rule.alert ?? rule.record}: ${name}`),
    );
    expect(unknown).toEqual([]);
  });

  it('catches a planted error: an unknown metric, a misspelt one, broken PromQL', () => {
    expect(
      unknownMetrics('sum(rate(hexashop_no_such_thing_total[$__rate_interval]))', known),
    ).toEqual(['hexashop_no_such_thing_total']);
    expect(unknownMetrics('max(hexashop_dead_letter)', known)).toEqual(['hexashop_dead_letter']);
    expect(unknownMetrics('{__name__=~"mysql_no_such_.*"}', known)).toHaveLength(1);
    expect(
      unknownMetrics('sum(rate(hexashop_http_request_duration_seconds_count[1m])', known).length,
    ).toBeGreaterThan(0);
  });
});
