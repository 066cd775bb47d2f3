import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { MessageInProgressError } from './message-in-progress.error';

/** Lease timings of consumer claims (tests shorten them). */
export interface ClaimTiming {
  /** How long a claim lives without renewal: a crashed run's claim is free after at most this. */
  readonly leaseMs: number;
  /** How often a running handler renews its claim. */
  readonly renewEveryMs: number;
  /** How often a delivery that met another run's live claim looks again. */
  readonly pollMs: number;
  /** Longest a delivery waits for another live run before it counts as a failed attempt. */
  readonly maxWaitMs: number;
}

export const CLAIM_TIMING = Symbol('CLAIM_TIMING');

export const DEFAULT_CLAIM_TIMING: ClaimTiming = {
  leaseMs: 10_000,
  renewEveryMs: 3_000,
  pollMs: 250,
  maxWaitMs: 5 * 60_000,
};

export type ConsumeOutcome = 'done' | 'skipped';

/**
 * Makes a job consumer idempotent with the `processed_messages` table: a run
 * claims (consumer, message id) with a short lease that it renews while its
 * handler runs; a message already DONE is skipped; a failed run releases its
 * claim so a retry can do the work.
 *
 * A delivery that meets another run's claim waits instead of failing: until
 * that run marks the message DONE (then it is skipped), releases it after a
 * failure, or stops renewing because its worker died (the lease runs out
 * within `leaseMs` and the waiting delivery takes the claim over). So a
 * crashed worker's claim never costs a job an attempt (ADR 0040). Every step
 * is a single-row autocommit statement: no lock is held across statements.
 */
@Injectable()
export class IdempotentConsumer {
  private readonly logger = new Logger(IdempotentConsumer.name);
  private readonly timing: ClaimTiming;
  /** Claims held by handlers running in this process, released at a forced shutdown. */
  private readonly held = new Map<string, { consumer: string; messageId: string }>();

  constructor(
    private readonly dataSource: DataSource,
    @Optional() @Inject(CLAIM_TIMING) timing?: ClaimTiming,
  ) {
    this.timing = timing ?? DEFAULT_CLAIM_TIMING;
  }

  /**
   * Runs `work` unless `consumer` already processed `messageId`. Resolves
   * 'done' after the work and its DONE mark, 'skipped' when another run did
   * it; rejects with the work's error (after releasing the claim).
   */
  async runOnce(
    consumer: string,
    messageId: string,
    work: () => Promise<void>,
  ): Promise<ConsumeOutcome> {
    const token = randomUUID();
    const claim = await this.claimOrWait(consumer, messageId, token);
    if (claim === 'done') return 'skipped';
    this.held.set(token, { consumer, messageId });
    const renewal = setInterval(
      () => void this.renew(consumer, messageId, token),
      this.timing.renewEveryMs,
    );
    try {
      await work();
    } catch (error) {
      clearInterval(renewal);
      this.held.delete(token);
      await this.release(consumer, messageId, token);
      throw error;
    }
    clearInterval(renewal);
    this.held.delete(token);
    const marked = (await this.dataSource.query(
      `UPDATE processed_messages SET status = 'DONE', processed_at = ?, locked_until = NULL
        WHERE consumer = ? AND message_id = ? AND claim_token = ?`,
      [new Date(), consumer, messageId, token],
    )) as { affectedRows: number };
    if (marked.affectedRows !== 1)
      this.logger.warn(`${consumer} lost its claim on ${messageId} while running (lease expired)`);
    return 'done';
  }

  /** Forced shutdown: frees the claims of handlers still running here, so redeliveries need not wait for their leases. */
  async releaseHeld(): Promise<number> {
    const held = [...this.held.entries()];
    this.held.clear();
    await Promise.all(
      held.map(([token, { consumer, messageId }]) => this.release(consumer, messageId, token)),
    );
    return held.length;
  }

  private async claimOrWait(
    consumer: string,
    messageId: string,
    token: string,
  ): Promise<'claimed' | 'done'> {
    const deadline = Date.now() + this.timing.maxWaitMs;
    for (;;) {
      const claim = await this.claim(consumer, messageId, token);
      if (claim !== 'busy') return claim;
      // Another run holds a live claim: it finishes, fails, or dies and its lease runs out.
      if (Date.now() > deadline) throw new MessageInProgressError(consumer, messageId);
      await sleep(this.timing.pollMs);
    }
  }

  private async claim(
    consumer: string,
    messageId: string,
    token: string,
  ): Promise<'claimed' | 'done' | 'busy'> {
    const now = new Date();
    const until = new Date(now.getTime() + this.timing.leaseMs);
    const inserted = (await this.dataSource.query(
      `INSERT IGNORE INTO processed_messages (consumer, message_id, status, claim_token, locked_until)
       VALUES (?, ?, 'PROCESSING', ?, ?)`,
      [consumer, messageId, token, until],
    )) as { affectedRows: number };
    if (inserted.affectedRows === 1) return 'claimed';
    // A run whose worker died stops renewing: once its lease has run out, take it over.
    const takenOver = (await this.dataSource.query(
      `UPDATE processed_messages SET claim_token = ?, locked_until = ?
        WHERE consumer = ? AND message_id = ? AND status = 'PROCESSING' AND locked_until < ?`,
      [token, until, consumer, messageId, now],
    )) as { affectedRows: number };
    if (takenOver.affectedRows === 1) return 'claimed';
    const rows = (await this.dataSource.query(
      'SELECT status FROM processed_messages WHERE consumer = ? AND message_id = ?',
      [consumer, messageId],
    )) as Array<{ status: string }>;
    if (rows[0]?.status === 'DONE') return 'done';
    // Released between our statements: try again at once.
    return rows.length === 0 ? this.claim(consumer, messageId, token) : 'busy';
  }

  private async renew(consumer: string, messageId: string, token: string): Promise<void> {
    await this.dataSource
      .query(
        `UPDATE processed_messages SET locked_until = ?
          WHERE consumer = ? AND message_id = ? AND claim_token = ? AND status = 'PROCESSING'`,
        [new Date(Date.now() + this.timing.leaseMs), consumer, messageId, token],
      )
      .catch((error: Error) =>
        this.logger.warn(`could not renew ${consumer} claim on ${messageId}: ${error.message}`),
      );
  }

  private async release(consumer: string, messageId: string, token: string): Promise<void> {
    await this.dataSource
      .query(
        "DELETE FROM processed_messages WHERE consumer = ? AND message_id = ? AND claim_token = ? AND status = 'PROCESSING'",
        [consumer, messageId, token],
      )
      .catch(() => undefined);
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
