import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { withTimeout } from '../resilience/with-timeout';
import { QUEUES } from './queue-names';
import { QueueMonitor } from './queue-monitor';

/** A key only the relays write: its absence means Redis lost Bull's data. */
export const EPOCH_KEY = 'bull:hexashop:epoch';
const TIMEOUT_MS = 1000;

/**
 * Notices that Redis lost its data (restart without persistence, failover to
 * an empty replica, FLUSHALL): the epoch key every relay keeps is gone, or
 * another relay already replaced it. Costs one GET per call.
 */
@Injectable()
export class QueueStoreEpoch {
  private seen: string | undefined;

  constructor(private readonly monitor: QueueMonitor) {}

  /**
   * True when Bull's data may have been lost since the previous call: the key
   * is missing (also when this worker starts on a Redis that lost its data
   * while no worker ran), or it differs from what this worker saw last time
   * (another relay found it missing first). Rejects when Redis does not answer.
   */
  async changed(): Promise<boolean> {
    const client = this.monitor.queue(QUEUES.maintenance).client;
    let epoch = await withTimeout(client.get(EPOCH_KEY), TIMEOUT_MS, 'read queue epoch');
    let changed = false;
    if (epoch === null) {
      changed = true;
      await withTimeout(client.set(EPOCH_KEY, randomUUID(), 'NX'), TIMEOUT_MS, 'set queue epoch');
      epoch = await withTimeout(client.get(EPOCH_KEY), TIMEOUT_MS, 'read queue epoch');
    } else if (this.seen !== undefined && epoch !== this.seen) {
      changed = true;
    }
    this.seen = epoch ?? undefined;
    return changed;
  }
}
