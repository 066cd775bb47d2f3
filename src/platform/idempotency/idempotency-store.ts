import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Clock } from '../../shared/kernel/clock.port';
import { IdGenerator } from '../../shared/kernel/id-generator.port';
import {
  IdempotencyClaim,
  IdempotencyClaimWriter,
  IdempotencyRecordKey,
} from './idempotency-claim';
import { IDEMPOTENCY_KEY_PATTERN } from './idempotency-key';
import { FieldCipher } from '../crypto/field-cipher';
import { MemberKeyStore, SqlRunner } from '../crypto/member-key-store';
import { SealedTable } from '../crypto/sealed-table';
import { TransactionContext } from '../database/transaction-context';
import { safeErrorMessage } from '../observability/safe-error';

export interface ClaimRequest extends IdempotencyRecordKey {
  /** SHA-256 of the request (see requestFingerprint). */
  readonly fingerprint: string;
  /** The status a successful response of the route has. */
  readonly statusCode: number;
}

export type ClaimOutcome =
  | { readonly kind: 'claimed'; readonly claim: IdempotencyClaim }
  | { readonly kind: 'replay'; readonly statusCode: number; readonly body: string | null }
  | { readonly kind: 'in-progress' }
  | { readonly kind: 'mismatch' };

interface RecordRow {
  id: string;
  status: 'IN_PROGRESS' | 'COMPLETED';
  request_hash: string;
  response_status: number | null;
  response_body: string | null;
  expires_at: Date;
}

const WHERE_KEY = 'user_id = ? AND route = ? AND idem_key = ?';
const TABLE = 'idempotency_records';
const BODY = 'response_body';

/**
 * A stored response is the member's own data (an order carries its delivery
 * address), so the body is sealed under the member's key like every other
 * personal value (ADR 0032): not in plain text in the table, a backup or a
 * binlog, unreadable once the member is erased, and re-encrypted by
 * `npm run data-keys:rotate`. Bodies stored before sealing (plain JSON, gone
 * within TTL_MS) are still replayed as they are.
 */
export const IDEMPOTENCY_SEALED_TABLE: SealedTable = {
  table: TABLE,
  idColumn: 'id',
  columns: [BODY],
  ownerColumn: 't.user_id',
};

const keyParams = (record: IdempotencyRecordKey): string[] => [
  record.userId,
  record.route,
  record.key,
];

/**
 * `idempotency_records` on the primary (ADR 0011). Claims are single-row
 * autocommit statements, so the UNIQUE (user_id, route, idem_key) key decides
 * races and no lock is held between statements; completion happens in the
 * business transaction through the claim (see IdempotencyScope).
 */
@Injectable()
export class IdempotencyStore implements IdempotencyClaimWriter {
  /**
   * How long a claim blocks the key before a retry may take it over. Short, so
   * that a claim whose request died (its 503 could not delete it, or its
   * INSERT reached a frozen primary only after the request gave up) frees the
   * key within seconds; a request that really runs longer renews it every
   * RENEW_EVERY_MS (issue 14.3, ADR 0017).
   */
  static readonly LEASE_MS = 2_000;
  /** How often a running request extends its claim. */
  static readonly RENEW_EVERY_MS = 600;
  /** How long a key is remembered. */
  static readonly TTL_MS = 24 * 60 * 60 * 1000;

  private readonly logger = new Logger(IdempotencyStore.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
    private readonly cipher: FieldCipher,
    private readonly keys: MemberKeyStore,
  ) {}

  /**
   * Claims the key for this request, or says what to answer instead: the
   * stored response (same request, completed), in progress (same request,
   * running), or mismatch (the key was used for another request). An expired
   * record, or a stale claim of the same request whose lease ran out, is
   * taken over with a conditional UPDATE.
   */
  async claim(request: ClaimRequest): Promise<ClaimOutcome> {
    if (
      request.route.length > 200 ||
      !IDEMPOTENCY_KEY_PATTERN.test(request.key) ||
      !/^[0-9a-f]{64}$/.test(request.fingerprint)
    ) {
      throw new Error(`invalid idempotency claim for ${request.route.slice(0, 200)}`);
    }
    // A record can vanish between statements (released or purged): try again.
    for (let attempt = 0; attempt < 3; attempt++) {
      const now = this.clock.now();
      const token = randomUUID();
      // A takeover gives the row a new id too: the id is the associated data of
      // the body this claim will seal, so the claim must know it without a read.
      const rowId = this.ids.next();
      const lockedUntil = new Date(now.getTime() + IdempotencyStore.LEASE_MS);
      const expiresAt = new Date(now.getTime() + IdempotencyStore.TTL_MS);
      const claimed = () => ({
        kind: 'claimed' as const,
        claim: new IdempotencyClaim(this, request, token, request.statusCode, rowId),
      });
      // INSERT IGNORE: a duplicate is the expected answer under races, not an
      // error worth a log line; every value is validated before (key, route, hash).
      const inserted = (await this.dataSource.query(
        `INSERT IGNORE INTO idempotency_records
           (id, user_id, route, idem_key, request_hash, status, claim_token, locked_until, created_at, expires_at)
         VALUES (?, ?, ?, ?, ?, 'IN_PROGRESS', ?, ?, ?, ?)`,
        [rowId, ...keyParams(request), request.fingerprint, token, lockedUntil, now, expiresAt],
      )) as { affectedRows: number };
      if (inserted.affectedRows === 1) return claimed();
      const takenOver = (await this.dataSource.query(
        `UPDATE idempotency_records
            SET id = ?, request_hash = ?, status = 'IN_PROGRESS', claim_token = ?, locked_until = ?,
                response_status = NULL, response_body = NULL, created_at = ?, completed_at = NULL,
                expires_at = ?
          WHERE ${WHERE_KEY}
            AND (expires_at <= ? OR (status = 'IN_PROGRESS' AND locked_until <= ? AND request_hash = ?))`,
        [
          rowId,
          request.fingerprint,
          token,
          lockedUntil,
          now,
          expiresAt,
          ...keyParams(request),
          now,
          now,
          request.fingerprint,
        ],
      )) as { affectedRows: number };
      if (takenOver.affectedRows === 1) return claimed();
      const [row] = (await this.dataSource.query(
        `SELECT id, status, request_hash, response_status, response_body, expires_at
           FROM idempotency_records WHERE ${WHERE_KEY}`,
        keyParams(request),
      )) as RecordRow[];
      if (!row || new Date(row.expires_at) <= now) continue;
      if (row.request_hash !== request.fingerprint) return { kind: 'mismatch' };
      if (row.status === 'COMPLETED') {
        return {
          kind: 'replay',
          statusCode: Number(row.response_status),
          body: await this.openBody(request.userId, row),
        };
      }
      return { kind: 'in-progress' };
    }
    return { kind: 'in-progress' };
  }

  /**
   * Conditional on the claim token: a claim that was taken over completes
   * nothing. The body is sealed (IDEMPOTENCY_SEALED_TABLE); the member's key
   * is read in the caller's transaction when there is one.
   */
  async complete(
    manager: EntityManager | undefined,
    claim: IdempotencyClaim,
    body: string | null,
  ): Promise<boolean> {
    // Inside a UnitOfWork: its transaction's plain-SQL connection (ADR 0071) and its member keys.
    const transaction = manager ? TransactionContext.of(manager) : undefined;
    const runner: SqlRunner = transaction?.sql ?? manager ?? this.dataSource.manager;
    const sealed =
      body === null ? null : await this.sealBody(runner, transaction?.memberKeys, claim, body);
    const result = (await runner.query(
      `UPDATE idempotency_records
          SET status = 'COMPLETED', response_status = ?, response_body = ?, completed_at = ?,
              locked_until = NULL
        WHERE ${WHERE_KEY} AND claim_token = ? AND status = 'IN_PROGRESS'`,
      [claim.statusCode, sealed, this.clock.now(), ...keyParams(claim.record), claim.token],
    )) as { affectedRows: number };
    return result.affectedRows === 1;
  }

  /** Extends a running request's claim; false when it is no longer ours or not IN_PROGRESS. */
  async renew(claim: IdempotencyClaim): Promise<boolean> {
    const result = (await this.dataSource.query(
      `UPDATE idempotency_records SET locked_until = ?
        WHERE ${WHERE_KEY} AND claim_token = ? AND status = 'IN_PROGRESS'`,
      [
        new Date(this.clock.now().getTime() + IdempotencyStore.LEASE_MS),
        ...keyParams(claim.record),
        claim.token,
      ],
    )) as { affectedRows: number };
    return result.affectedRows === 1;
  }

  /** Best effort: if it fails, the lease runs out and a retry takes the claim over. */
  async release(claim: IdempotencyClaim): Promise<void> {
    try {
      await this.dataSource.query(
        `DELETE FROM idempotency_records
          WHERE ${WHERE_KEY} AND claim_token = ? AND status = 'IN_PROGRESS'`,
        [...keyParams(claim.record), claim.token],
      );
    } catch (error) {
      this.logger.warn(`idempotency claim release failed: ${safeErrorMessage(error)}`);
    }
  }

  /**
   * Deletes up to `limit` records that expired before `now`; returns how many.
   * Lookups already ignore expired records, so this only reclaims space: a
   * maintenance job calls it in a loop until it returns less than `limit`.
   */
  async purgeExpired(limit = 1000, now: Date = this.clock.now()): Promise<number> {
    const result = (await this.dataSource.query(
      'DELETE FROM idempotency_records WHERE expires_at <= ? ORDER BY expires_at LIMIT ?',
      [now, limit],
    )) as { affectedRows: number };
    return result.affectedRows;
  }

  /**
   * On the caller's connection: the UnitOfWork completes the claim outside its
   * TransactionContext, and a second pool connection per request would let
   * concurrent requests exhaust the pool waiting on each other.
   */
  private async sealBody(
    runner: SqlRunner,
    memberKeys: Map<string, Buffer> | undefined,
    claim: IdempotencyClaim,
    body: string,
  ): Promise<string> {
    // The order's address copy read the same key in this transaction: not again.
    const secret = await this.keys.ensureCached(
      runner,
      memberKeys,
      claim.record.userId,
      this.clock.now(),
    );
    // Only an erased member has no key, and an erased member cannot sign in.
    if (!secret) throw new Error(`no member key for user ${claim.record.userId}`);
    return this.cipher.sealRow(secret, TABLE, claim.rowId, { [BODY]: body })[BODY]!;
  }

  private async openBody(userId: string, row: RecordRow): Promise<string | null> {
    const body = row.response_body;
    if (body === null || FieldCipher.keyIdOf(body) === undefined) return body;
    const secret = await this.keys.find(this.dataSource.manager, userId);
    if (!secret) throw new Error(`no member key for user ${userId}`);
    return this.cipher.openRow(secret, TABLE, row.id, { [BODY]: body })[BODY]!;
  }
}
