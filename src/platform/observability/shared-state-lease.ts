import { randomUUID } from 'node:crypto';
import { BeforeApplicationShutdown, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { RedisService } from '../cache/redis.service';
import { AppConfig } from '../config/app-config';
import { MetricsService } from './metrics.service';

/** Lease key in Redis, its time to live and how often the holder renews it. */
const LEASE_KEY = 'hexashop:metrics:shared-state-exporter';
export const SHARED_STATE_LEASE_MS = 15_000;
const RENEW_EVERY_MS = 5_000;

// Take the lease when free, keep it when ours; 1 when we hold it afterwards.
const TAKE_OR_RENEW = `
if redis.call('set', KEYS[1], ARGV[1], 'PX', ARGV[2], 'NX') then return 1 end
if redis.call('get', KEYS[1]) == ARGV[1] then redis.call('pexpire', KEYS[1], ARGV[2]) return 1 end
return 0`;
const RELEASE = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end`;

/**
 * Elects the one process that exports gauges of shared state (queue depths,
 * outbox backlog, dead letters): the worker holding a Redis lease. API
 * instances never export them. When Redis cannot be asked for longer than a
 * lease, every worker exports (the outbox backlog matters most exactly then); dashboards and
 * alerts read these gauges with `max`, which a handover or that fallback
 * cannot inflate, and `sum` is right whenever one worker holds the lease.
 */
@Injectable()
export class SharedStateLease implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly id = randomUUID();
  private holder = false;
  private failures = 0;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly config: AppConfig,
    private readonly redis: RedisService,
    metrics: MetricsService,
  ) {
    metrics.decideSharedStateBy(() => this.config.role === 'worker' && this.holder);
  }

  onApplicationBootstrap(): void {
    if (this.config.role !== 'worker') return;
    this.timer = setInterval(() => void this.renew(), RENEW_EVERY_MS);
    this.timer.unref();
    void this.renew();
  }

  /** True while this process exports the shared-state gauges. */
  isHolder(): boolean {
    return this.holder;
  }

  async renew(): Promise<void> {
    try {
      const result = await this.redis.client.eval(
        TAKE_OR_RENEW,
        1,
        LEASE_KEY,
        this.id,
        String(SHARED_STATE_LEASE_MS),
      );
      this.holder = Number(result) === 1;
      this.failures = 0;
    } catch {
      // Redis unknown for longer than a lease (not merely still connecting at
      // start): export rather than leave the backlog unwatched.
      this.failures += 1;
      this.holder = this.failures * RENEW_EVERY_MS > SHARED_STATE_LEASE_MS;
    }
  }

  /** Gives the lease back before Redis closes, so another worker takes over at its next renewal. */
  async beforeApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    if (this.config.role !== 'worker') return;
    this.holder = false;
    await this.redis.client.eval(RELEASE, 1, LEASE_KEY, this.id).catch(() => undefined);
  }
}
