import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { MessageInProgressError } from './message-in-progress.error';

/** How long one run may hold a message before another run may take it over. */
const CLAIM_MS = 60_000;

/**
 * Makes a job consumer idempotent with the `processed_messages` table: a run
 * first claims (consumer, message id); a message already DONE is skipped, one
 * claimed by a live run is retried later, and a failed run releases its claim
 * so a retry can do the work. Bull delivers at least once; this turns that
 * into "the effect happens once" for effects that happen inside `work`.
 * Every step is a single-row autocommit statement: no lock is held across
 * statements, so concurrent deliveries cannot deadlock each other.
 */
@Injectable()
export class IdempotentConsumer {
  constructor(private readonly dataSource: DataSource) {}

  async runOnce(
    consumer: string,
    messageId: string,
    work: () => Promise<void>,
  ): Promise<'done' | 'skipped'> {
    const token = randomUUID();
    const claim = await this.claim(consumer, messageId, token);
    if (claim === 'done') return 'skipped';
    if (claim === 'busy') throw new MessageInProgressError(consumer, messageId);
    try {
      await work();
    } catch (error) {
      await this.dataSource
        .query(
          'DELETE FROM processed_messages WHERE consumer = ? AND message_id = ? AND claim_token = ?',
          [consumer, messageId, token],
        )
        .catch(() => undefined);
      throw error;
    }
    await this.dataSource.query(
      `UPDATE processed_messages SET status = 'DONE', processed_at = ?, locked_until = NULL
        WHERE consumer = ? AND message_id = ? AND claim_token = ?`,
      [new Date(), consumer, messageId, token],
    );
    return 'done';
  }

  private async claim(
    consumer: string,
    messageId: string,
    token: string,
  ): Promise<'claimed' | 'done' | 'busy'> {
    const now = new Date();
    const until = new Date(now.getTime() + CLAIM_MS);
    const inserted = (await this.dataSource.query(
      `INSERT IGNORE INTO processed_messages (consumer, message_id, status, claim_token, locked_until)
       VALUES (?, ?, 'PROCESSING', ?, ?)`,
      [consumer, messageId, token, until],
    )) as { affectedRows: number };
    if (inserted.affectedRows === 1) return 'claimed';
    // A run that died mid-way leaves a stale claim: take it over.
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
    return rows[0]?.status === 'DONE' ? 'done' : 'busy';
  }
}
