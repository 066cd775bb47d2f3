import { Injectable, OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { MetricsService } from '../observability/metrics.service';

interface PoolInternals {
  _allConnections?: { length: number };
  _freeConnections?: { length: number };
  _connectionQueue?: { length: number };
  config?: { connectionLimit?: number };
}

interface DriverInternals {
  pool?: PoolInternals;
  poolCluster?: { _nodes?: Record<string, { pool: PoolInternals }> };
}

/**
 * `hexashop_db_pool_connections{pool,state}`: open, idle and waiting
 * connections per mysql2 pool (MASTER, SLAVE0, …), and
 * `hexashop_db_pool_max_connections{pool}`, read at scrape time. mysql2 exposes no
 * public pool statistics, so this reads its queue lengths.
 */
@Injectable()
export class PoolMetrics implements OnModuleInit {
  constructor(
    private readonly dataSource: DataSource,
    private readonly metrics: MetricsService,
  ) {}

  onModuleInit(): void {
    this.metrics.gauge(
      'hexashop_db_pool_connections',
      'MySQL pool connections by pool and state',
      ['pool', 'state'],
      (gauge) => {
        for (const [name, pool] of Object.entries(this.pools())) {
          gauge.set({ pool: name, state: 'open' }, pool._allConnections?.length ?? 0);
          gauge.set({ pool: name, state: 'idle' }, pool._freeConnections?.length ?? 0);
          gauge.set({ pool: name, state: 'waiting' }, pool._connectionQueue?.length ?? 0);
        }
      },
    );
    this.metrics.gauge(
      'hexashop_db_pool_max_connections',
      'Most connections a MySQL pool may open',
      ['pool'],
      (gauge) => {
        for (const [name, pool] of Object.entries(this.pools()))
          gauge.set({ pool: name }, pool.config?.connectionLimit ?? 0);
      },
    );
  }

  private pools(): Record<string, PoolInternals> {
    const driver = this.dataSource.driver as unknown as DriverInternals;
    if (driver.poolCluster?._nodes) {
      return Object.fromEntries(
        Object.entries(driver.poolCluster._nodes).map(([id, node]) => [id, node.pool]),
      );
    }
    return driver.pool ? { MASTER: driver.pool } : {};
  }
}
