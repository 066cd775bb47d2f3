import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import type { Job, Queue } from 'bull';
import type Redis from 'ioredis';
import { withTimeout } from '../resilience/with-timeout';
import { IdempotentConsumer } from './idempotent-consumer';
import { ALL_QUEUES } from './queue-names';
import { QueueMonitor } from './queue-monitor';

const REDIS_STEP_TIMEOUT_MS = 2000;
/** After its handler settled, how long a job may take to be moved to completed/failed before it counts as finished anyway. */
const SETTLE_MS = 2000;
const POLL_MS = 50;

export interface DrainResult {
  /** Jobs that were running when the drain began. */
  readonly inFlight: number;
  /** Jobs still running when the grace ran out, handed back to Bull for another worker. */
  readonly handedBack: number;
}

/**
 * Worker shutdown for Bull (ADR 0041): at SIGTERM this worker stops taking
 * jobs at once (a local pause: no new job is fetched, not even the one Bull
 * would take on completing another), lets the jobs in flight finish within the
 * grace, then closes the queues. Jobs still running when the grace ends are
 * handed back: their consumer claims and Bull locks are released, so another
 * worker's stalled-job check takes them within its interval, without an
 * attempt spent and without waiting for the lock to expire.
 */
@Injectable()
export class JobDrain implements OnApplicationBootstrap {
  private readonly logger = new Logger(JobDrain.name);
  private readonly running = new Map<string, Job>();

  constructor(
    private readonly monitor: QueueMonitor,
    private readonly consumer: IdempotentConsumer,
  ) {}

  onApplicationBootstrap(): void {
    for (const name of ALL_QUEUES) {
      const queue = this.monitor.queue(name);
      const key = (job: Job) => `${name}\u0000${String(job.id)}`;
      queue.on('active', (job: Job, handler?: Promise<unknown>) => {
        this.running.set(key(job), job);
        // Bull emits neither completed nor failed when it cannot move the job (its lock was lost).
        void handler
          ?.catch(() => undefined)
          .then(() => setTimeout(() => this.running.delete(key(job)), SETTLE_MS).unref());
      });
      queue.on('completed', (job: Job) => this.running.delete(key(job)));
      queue.on('failed', (job: Job) => this.running.delete(key(job)));
    }
  }

  /** Stops taking jobs, waits up to `graceMs` for those in flight, hands back the rest, closes the queues. */
  async drain(graceMs: number): Promise<DrainResult> {
    const queues = ALL_QUEUES.map((name) => this.monitor.queue(name));
    const pausing = queues.map((queue) =>
      withTimeout(queue.pause(true, true), REDIS_STEP_TIMEOUT_MS, 'pause queue').catch(
        () => undefined,
      ),
    );
    // Bull's local pause ends the blocking fetch with QUIT, which Redis runs only after the
    // BRPOPLPUSH it waits behind: for up to 500 ms a new job could still be handed out. Close
    // that connection now, once the pause flag is set (a microtask later), so nothing is fetched.
    await new Promise((resolve) => setImmediate(resolve));
    for (const queue of queues) {
      const internal = queue as unknown as { bclientInitialized?: boolean; bclient?: Redis };
      if (internal.bclientInitialized) internal.bclient?.disconnect();
    }
    await Promise.all(pausing);
    const inFlight = this.running.size;
    if (inFlight > 0) this.logger.log(`waiting up to ${graceMs} ms for ${inFlight} jobs in flight`);
    const deadline = Date.now() + graceMs;
    while (this.running.size > 0 && Date.now() < deadline) await sleep(POLL_MS);
    const finished = this.running.size === 0;
    let handedBack = 0;
    if (!finished) {
      const left = [...this.running.values()];
      handedBack = left.length;
      this.logger.warn(`grace over: handing ${handedBack} running jobs back to the queue`);
      await this.consumer.releaseHeld();
      await Promise.all(
        left.map((job) =>
          withTimeout(job.releaseLock(), REDIS_STEP_TIMEOUT_MS, 'release job lock').catch(
            () => undefined,
          ),
        ),
      );
    }
    // Nothing left to wait for: closing must not wait for jobs a second time.
    await Promise.all(queues.map((queue) => close(queue)));
    return { inFlight, handedBack };
  }
}

function close(queue: Queue): Promise<void> {
  return withTimeout(queue.close(true), REDIS_STEP_TIMEOUT_MS, 'close queue').catch(
    () => undefined,
  );
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
