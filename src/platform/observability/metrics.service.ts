import { Injectable } from '@nestjs/common';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/**
 * The process's Prometheus registry and the metrics shared by the platform.
 * Modules add their business counters through `counter()`/`gauge()`, which
 * return the existing metric when called twice with one name.
 */
@Injectable()
export class MetricsService {
  readonly registry = new Registry();

  readonly httpDuration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP request duration by method, route and status',
    labelNames: ['method', 'route', 'status_code'] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [this.registry],
  });

  readonly cacheRequests = new Counter({
    name: 'cache_requests_total',
    help: 'Cache lookups by cache name and result (hit, miss, error)',
    labelNames: ['cache', 'result'] as const,
    registers: [this.registry],
  });

  readonly cacheLoads = new Counter({
    name: 'cache_loads_total',
    help: 'Times a cache miss was filled from the source of truth',
    labelNames: ['cache'] as const,
    registers: [this.registry],
  });

  readonly dbReads = new Counter({
    name: 'db_reads_total',
    help: 'Read-model queries by the node that served them and why',
    labelNames: ['target', 'reason'] as const,
    registers: [this.registry],
  });

  readonly replicaLag = new Gauge({
    name: 'db_replica_lag_seconds',
    help: 'Replication lag per replica, measured by heartbeat',
    labelNames: ['replica'] as const,
    registers: [this.registry],
  });

  readonly replicaUp = new Gauge({
    name: 'db_replica_up',
    help: '1 when the replica answers and is usable for reads',
    labelNames: ['replica'] as const,
    registers: [this.registry],
  });

  readonly jobs = new Counter({
    name: 'jobs_processed_total',
    help: 'Jobs processed by queue, job name and result',
    labelNames: ['queue', 'job', 'result'] as const,
    registers: [this.registry],
  });

  private readonly extra = new Map<string, Counter<string> | Gauge<string>>();

  constructor() {
    collectDefaultMetrics({ register: this.registry });
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

  private getOrCreate(
    name: string,
    create: () => Counter<string> | Gauge<string>,
  ): Counter<string> | Gauge<string> {
    let metric = this.extra.get(name);
    if (!metric) {
      metric = create();
      this.extra.set(name, metric);
    }
    return metric;
  }
}
