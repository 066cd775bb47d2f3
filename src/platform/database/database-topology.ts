import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ServiceUnavailableError } from '../../shared/kernel/service-unavailable.error';
import { AppConfig } from '../config/app-config';
import { MetricsService } from '../observability/metrics.service';
import { ProbeResult, WritableProbe } from './writable-probe';

/** How often the write target is asked whether it still takes writes. */
export const TOPOLOGY_PROBE_INTERVAL_MS = 200;
/** A probe not answered within this is a node that does not answer (frozen, partitioned). */
export const TOPOLOGY_PROBE_TIMEOUT_MS = 500;
/** Retry-After of the 503 a command gets while no primary takes writes. */
export const PRIMARY_RETRY_AFTER_S = 1;

/** What of mysql2/TypeORM the topology reaches into (no public API for either). */
interface StreamLike {
  destroy?: (error?: Error) => void;
}
interface PoolInternals {
  _allConnections?: { toArray(): Array<{ stream?: StreamLike }> };
}
interface ClusterNode {
  pool: PoolInternals;
  errorCount: number;
  _offlineUntil: number;
}
interface DriverInternals {
  options: unknown;
  pool?: PoolInternals;
  poolCluster?: {
    _nodes?: Record<string, ClusterNode | undefined>;
    add(id: string, config: unknown): void;
    remove(pattern: string): void;
  };
  createConnectionOptions(options: unknown, credentials: { url: string }): unknown;
}

/** A node named by host:port (never its credentials). */
export function nodeName(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname}:${parsed.port || '3306'}`;
  } catch {
    return 'unparsable-url';
  }
}

/**
 * Which database node takes the writes, decided by asking the nodes (ADR 0016).
 *
 * The candidates are `DATABASE_URL` and the `DATABASE_REPLICA_URLS`. Every
 * 200 ms a dedicated connection asks the current write target `SELECT
 * @@read_only` with a 500 ms deadline:
 * - answered 0: commands go ahead;
 * - refused, no answer in time, or read-only (fenced): the primary is lost.
 *   Commands answer 503 `SERVICE_UNAVAILABLE` with `Retry-After` at once
 *   (`assertWritable`), and every connection of the write pool is closed, so
 *   statements waiting on a frozen node fail now instead of after the driver's
 *   timeouts; the node rolls back their open transactions when it sees the
 *   closed sockets. Then every candidate is asked: when exactly one other node
 *   is writable (a replica was promoted, `npm run db:failover`), the write
 *   pool is re-created on it, without a restart. Two writable nodes are a
 *   split brain: nothing is chosen, commands stay 503 and the log says so.
 */
@Injectable()
export class DatabaseTopology implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(DatabaseTopology.name);
  private readonly probes: WritableProbe[];
  private current: WritableProbe;
  private available = true;
  private checked = false;
  private lostSince: number | undefined;
  private timer: NodeJS.Timeout | undefined;
  private running = false;

  constructor(
    config: AppConfig,
    private readonly dataSource: DataSource,
    private readonly metrics: MetricsService,
  ) {
    const urls = [config.database.primaryUrl, ...config.database.replicaUrls].filter(
      (url, index, all) => all.indexOf(url) === index,
    );
    this.probes = urls.map((url) => new WritableProbe(nodeName(url), url));
    this.current = this.probes[0];
    this.metrics.gauge(
      'hexashop_db_primary_up',
      '1 while the write target answers and takes writes (commands are served)',
      [],
      (gauge) => gauge.set(this.available ? 1 : 0),
    );
  }

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.tick(), TOPOLOGY_PROBE_INTERVAL_MS);
    this.timer.unref();
    void this.tick();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    for (const probe of this.probes) probe.close();
    await Promise.resolve();
  }

  /** Throws the 503 commands answer while no node takes writes. */
  assertWritable(): void {
    if (!this.available) {
      throw new ServiceUnavailableError(
        'The primary database does not answer; try again shortly',
        PRIMARY_RETRY_AFTER_S,
      );
    }
  }

  /** True while the write target answered its last probe as writable. */
  primaryAvailable(): boolean {
    return this.available;
  }

  /** host:port of the node commands are sent to. */
  primaryName(): string {
    return this.current.name;
  }

  /** Last probe error of the write target, when it is lost. */
  primaryError(): string | undefined {
    return this.available ? undefined : this.current.lastError;
  }

  /** One round; exposed for tests. */
  async tick(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      const result = await this.current.check(TOPOLOGY_PROBE_TIMEOUT_MS);
      if (result === 'writable' && (this.checked || this.probes.length === 1)) {
        this.markAvailable();
        return;
      }
      this.checked = true;
      if (result !== 'writable') this.markLost(result);
      await this.elect(result);
    } catch (error) {
      this.logger.error(`topology check failed: ${(error as Error).message}`);
    } finally {
      this.running = false;
    }
  }

  /** Asks every other candidate; switches when exactly one node is writable. */
  private async elect(currentResult: ProbeResult): Promise<void> {
    const others = this.probes.filter((probe) => probe !== this.current);
    const results = await Promise.all(
      others.map(async (probe) => ({
        probe,
        result: await probe.check(TOPOLOGY_PROBE_TIMEOUT_MS),
      })),
    );
    const writable = [
      ...(currentResult === 'writable' ? [this.current] : []),
      ...results.filter((entry) => entry.result === 'writable').map((entry) => entry.probe),
    ];
    if (writable.length > 1) {
      this.markLost('down');
      this.logger.error(
        `several database nodes take writes (${writable.map((probe) => probe.name).join(', ')}): ` +
          'split brain, commands are refused until all but one are read-only',
      );
      return;
    }
    if (writable.length === 0) return;
    const [target] = writable;
    if (target !== this.current) this.switchTo(target);
    this.markAvailable();
  }

  private markAvailable(): void {
    if (this.available) return;
    const lostFor = this.lostSince === undefined ? 0 : Date.now() - this.lostSince;
    this.available = true;
    this.lostSince = undefined;
    this.reviveMasterNode();
    this.logger.log(`primary ${this.current.name} takes writes again (lost for ${lostFor} ms)`);
  }

  private markLost(result: ProbeResult): void {
    // closed on every round while lost: connects started meanwhile fail now too
    this.closeWriteConnections(result);
    if (!this.available) return;
    this.available = false;
    this.lostSince = Date.now();
    this.logger.warn(
      `primary ${this.current.name} lost (${result}: ${this.current.lastError ?? ''}); commands answer 503`,
    );
  }

  private driver(): DriverInternals {
    return this.dataSource.driver as unknown as DriverInternals;
  }

  private writePool(): PoolInternals | undefined {
    const driver = this.driver();
    return driver.poolCluster ? driver.poolCluster._nodes?.MASTER?.pool : driver.pool;
  }

  /** Fails every statement waiting on the write pool and drops its connections. */
  private closeWriteConnections(result: ProbeResult): void {
    const connections = this.writePool()?._allConnections?.toArray() ?? [];
    for (const connection of connections) {
      const error = Object.assign(new Error(`primary lost (${result})`), {
        code: 'PROTOCOL_CONNECTION_LOST',
        fatal: true,
      });
      connection.stream?.destroy?.(error);
    }
  }

  /** The pool cluster benches a node for a second after an error: not once the probe says it is back. */
  private reviveMasterNode(): void {
    const node = this.driver().poolCluster?._nodes?.MASTER;
    if (node) {
      node.errorCount = 0;
      node._offlineUntil = 0;
    }
  }

  private switchTo(target: WritableProbe): void {
    const driver = this.driver();
    const from = this.current.name;
    if (!driver.poolCluster) {
      this.logger.error(`cannot move writes to ${target.name}: no replication pool configured`);
      return;
    }
    this.closeWriteConnections('down');
    driver.poolCluster.remove('MASTER');
    driver.poolCluster.add(
      'MASTER',
      driver.createConnectionOptions(driver.options, { url: target.url }),
    );
    this.current = target;
    this.metrics
      .counter('hexashop_db_primary_switches_total', 'Times the write pool moved to another node')
      .inc();
    this.logger.warn(
      `write pool moved from ${from} to ${target.name} (it is the writable node now)`,
    );
  }
}
