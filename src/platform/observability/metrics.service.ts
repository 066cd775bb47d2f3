import { Injectable } from '@nestjs/common';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { packageVersion } from '../../version';

/**
 * Every metric the application defines is named `hexashop_<area>_<what>[_<unit>]`
 * (ADR 0024): counters end in `_total`, units are base units (`_seconds`,
 * `_bytes`), label values are bounded (never a user, order or request id).
 * prom-client's process and Node.js metrics keep their standard `process_*`
 * and `nodejs_*` names, and `app_build_info` is the one name every service of
 * ours exports alike.
 */
export const METRIC_PREFIX = 'hexashop_';

/** Decides whether this process exports gauges of state shared by all instances. */
export type SharedStateExporter = () => boolean;

/**
 * The process's Prometheus registry and the metrics shared by the platform.
 * Modules add their business counters through `counter()`/`gauge()`, which
 * return the existing metric when called twice with one name. Gauges of
 * state that every instance sees alike (queue depths, outbox backlog, dead
 * letters) are registered with `sharedGauge()`: only one process exports
 * them, so `sum()` over instances does not multiply them.
 */
@Injectable()
export class MetricsService {
  readonly registry = new Registry();

  readonly httpDuration = new Histogram({
    name: 'hexashop_http_request_duration_seconds',
    help: 'HTTP request duration by method, route and status',
    labelNames: ['method', 'route', 'status_code'] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [this.registry],
  });

  readonly cacheRequests = new Counter({
    name: 'hexashop_cache_requests_total',
    help: 'Cache lookups by cache name and result (hit, miss, error)',
    labelNames: ['cache', 'result'] as const,
    registers: [this.registry],
  });

  readonly cacheLoads = new Counter({
    name: 'hexashop_cache_loads_total',
    help: 'Times a cache miss was filled from the source of truth',
    labelNames: ['cache'] as const,
    registers: [this.registry],
  });

  readonly dbReads = new Counter({
    name: 'hexashop_db_reads_total',
    help: 'Read-model queries by the node that served them and why',
    labelNames: ['target', 'reason'] as const,
    registers: [this.registry],
  });

  readonly replicaLag = new Gauge({
    name: 'hexashop_db_replica_lag_seconds',
    help: 'Replication lag per replica, measured by heartbeat',
    labelNames: ['replica'] as const,
    registers: [this.registry],
  });

  readonly replicaUp = new Gauge({
    name: 'hexashop_db_replica_up',
    help: '1 when the replica answers and is usable for reads',
    labelNames: ['replica'] as const,
    registers: [this.registry],
  });

  readonly jobs = new Counter({
    name: 'hexashop_jobs_processed_total',
    help: 'Jobs processed by queue, job name and result (completed, retry, dead)',
    labelNames: ['queue', 'job', 'result'] as const,
    registers: [this.registry],
  });

  private readonly extra = new Map<string, Counter<string> | Gauge<string>>();
  private exportsSharedState: SharedStateExporter = () => true;

  constructor() {
    collectDefaultMetrics({ register: this.registry });
    new Gauge({
      name: 'app_build_info',
      help: 'Always 1; the labels say which build runs here',
      labelNames: ['service', 'version', 'node_version'] as const,
      registers: [this.registry],
    }).set({ service: 'hexashop', version: packageVersion(), node_version: process.version }, 1);
  }

  /** A counter registered once per name. */
  counter(name: string, help: string, labelNames: readonly string[] = []): Counter<string> {
    return this.getOrCreate(
      name,
      () => new Counter({ name, help, labelNames, registers: [this.registry] }),
    ) as Counter<string>;
  }

  /** A gauge registered once per name; `collect` runs on each scrape. */
  gauge(
    name: string,
    help: string,
    labelNames: readonly string[] = [],
    collect?: (gauge: Gauge<string>) => void | Promise<void>,
  ): Gauge<string> {
    return this.getOrCreate(
      name,
      () =>
        new Gauge({
          name,
          help,
          labelNames,
          registers: [this.registry],
          collect: collect
            ? async function (this: Gauge<string>) {
                await collect(this);
              }
            : undefined,
        }),
    ) as Gauge<string>;
  }

  /**
   * A gauge of state shared by every instance (Redis queues, MySQL tables),
   * collected only while this process is the one exporting shared state; the
   * others export no sample at all.
   */
  sharedGauge(
    name: string,
    help: string,
    labelNames: readonly string[],
    collect: (gauge: Gauge<string>) => void | Promise<void>,
  ): Gauge<string> {
    return this.gauge(name, help, labelNames, async (gauge) => {
      gauge.reset();
      // reset() leaves a label-less gauge at 0; a process that does not export must show no sample.
      if (labelNames.length === 0) gauge.remove({});
      if (this.exportsSharedState()) await collect(gauge);
    });
  }

  /** Installs the decision of which process exports shared-state gauges (SharedStateLease). */
  decideSharedStateBy(exporter: SharedStateExporter): void {
    this.exportsSharedState = exporter;
  }

  private getOrCreate(
    name: string,
    create: () => Counter<string> | Gauge<string>,
  ): Counter<string> | Gauge<string> {
    if (!name.startsWith(METRIC_PREFIX))
      throw new Error(`metric ${name} must be named ${METRIC_PREFIX}<area>_<what> (ADR 0024)`);
    let metric = this.extra.get(name);
    if (!metric) {
      metric = create();
      this.extra.set(name, metric);
    }
    return metric;
  }
}
