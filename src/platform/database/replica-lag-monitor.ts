import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { createPool, Pool, RowDataPacket } from 'mysql2/promise';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { MetricsService } from '../observability/metrics.service';
import { withTimeout } from '../resilience/with-timeout';

/** How often the heartbeat is written and the replicas are read. */
export const HEARTBEAT_INTERVAL_MS = 250;
/** Beyond this lag a replica is not used at all: reads go to the primary. */
export const MAX_USABLE_LAG_MS = 30_000;

export interface ReplicaState {
  readonly name: string;
  readonly up: boolean;
  /** Newest heartbeat (epoch ms, written on the primary) the replica has applied. */
  readonly watermark: number | undefined;
  readonly lagMs: number | undefined;
  readonly error?: string;
}

/**
 * Measures how far each replica trails the primary. Every instance writes a
 * heartbeat (its clock in ms) to the primary and reads it back from each
 * replica over a dedicated connection. The smallest heartbeat the replicas
 * have applied is the watermark: every transaction committed before it is
 * visible on every replica. Engine-neutral (no GTID functions), so it works
 * the same on MariaDB and MySQL.
 */
@Injectable()
export class ReplicaLagMonitor implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(ReplicaLagMonitor.name);
  private readonly replicas: Array<{ name: string; pool: Pool }>;
  private states: ReplicaState[] = [];
  private timer: NodeJS.Timeout | undefined;
  private running = false;

  constructor(
    config: AppConfig,
    private readonly dataSource: DataSource,
    private readonly metrics: MetricsService,
  ) {
    this.replicas = config.database.replicaUrls.map((url, index) => ({
      name: `replica${index}`,
      pool: createPool({
        uri: url,
        connectionLimit: 1,
        connectTimeout: 1000,
        enableKeepAlive: true,
      }),
    }));
  }

  /** True when at least one replica is configured. */
  hasReplicas(): boolean {
    return this.replicas.length > 0;
  }

  onApplicationBootstrap(): void {
    if (!this.hasReplicas()) return;
    this.timer = setInterval(() => void this.tick(), HEARTBEAT_INTERVAL_MS);
    this.timer.unref();
    void this.tick();
  }

  /** State of each replica as of the last check. */
  snapshot(): readonly ReplicaState[] {
    return this.states;
  }

  /** False when no replica is up or all trail by more than MAX_USABLE_LAG_MS. */
  usable(): boolean {
    return this.states.some((state) => state.up && (state.lagMs ?? Infinity) <= MAX_USABLE_LAG_MS);
  }

  /**
   * Epoch ms before which every commit is visible on every usable replica;
   * undefined while unknown.
   */
  watermark(): number | undefined {
    const marks = this.states.filter((state) => state.up).map((state) => state.watermark);
    if (marks.length === 0 || marks.some((mark) => mark === undefined)) return undefined;
    return Math.min(...(marks as number[]));
  }

  private async tick(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      await withTimeout(
        this.dataSource.query(
          'UPDATE replication_heartbeats SET beat_ms = GREATEST(beat_ms, ?) WHERE id = 1',
          [Date.now()],
        ),
        1000,
        'heartbeat write',
      ).catch((error: Error) => this.logger.debug(`heartbeat write failed: ${error.message}`));
      this.states = await Promise.all(this.replicas.map((replica) => this.check(replica)));
      for (const state of this.states) {
        this.metrics.replicaUp.set({ replica: state.name }, state.up ? 1 : 0);
        if (state.lagMs !== undefined)
          this.metrics.replicaLag.set({ replica: state.name }, state.lagMs / 1000);
      }
    } finally {
      this.running = false;
    }
  }

  private async check(replica: { name: string; pool: Pool }): Promise<ReplicaState> {
    try {
      const [rows] = await withTimeout(
        replica.pool.query<RowDataPacket[]>(
          'SELECT beat_ms FROM replication_heartbeats WHERE id = 1',
        ),
        1000,
        `${replica.name} heartbeat read`,
      );
      const watermark = rows[0] ? Number(rows[0].beat_ms) : undefined;
      const lagMs = watermark === undefined ? undefined : Math.max(0, Date.now() - watermark);
      return { name: replica.name, up: true, watermark, lagMs };
    } catch (error) {
      return {
        name: replica.name,
        up: false,
        watermark: undefined,
        lagMs: undefined,
        error: (error as Error).message,
      };
    }
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await Promise.all(this.replicas.map((replica) => replica.pool.end().catch(() => undefined)));
  }
}
