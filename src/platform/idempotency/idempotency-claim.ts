import { EntityManager } from 'typeorm';
import { IdempotencyClaimLostError } from './idempotency-claim-lost.error';
import { PendingIdempotencyClaim } from '../database/idempotency-scope';

/** Identifies a record: keys are scoped to the user and the route. */
export interface IdempotencyRecordKey {
  readonly userId: string;
  readonly route: string;
  readonly key: string;
}

/** The statements a claim needs from the store (kept apart to avoid an import cycle). */
export interface IdempotencyClaimWriter {
  /** COMPLETED with the response if the claim is still ours; false if it was taken over. */
  complete(
    manager: EntityManager | undefined,
    claim: IdempotencyClaim,
    body: string | null,
  ): Promise<boolean>;
  /** Deletes the record if it is still our IN_PROGRESS claim. */
  release(claim: IdempotencyClaim): Promise<void>;
}

/** What a route returned, as Fastify sends it: JSON text, or nothing. */
export function serializeResponse(result: unknown): string | null {
  if (result === undefined || result === null) return null;
  return JSON.stringify(result) ?? null;
}

/**
 * This request's IN_PROGRESS claim on an Idempotency-Key, identified by a
 * random token. It remembers the response it stored once that committed.
 */
export class IdempotencyClaim implements PendingIdempotencyClaim {
  private pendingBody: string | null = null;
  private committedBody: string | null | undefined;

  constructor(
    private readonly writer: IdempotencyClaimWriter,
    readonly record: IdempotencyRecordKey,
    readonly token: string,
    readonly statusCode: number,
    /** The record's row id while this claim holds it (the associated data of its sealed body). */
    readonly rowId: string,
  ) {}

  get committed(): boolean {
    return this.committedBody !== undefined;
  }

  /** The stored response body once committed. */
  get body(): string | null | undefined {
    return this.committedBody;
  }

  async completeWithin(manager: EntityManager | undefined, result: unknown): Promise<void> {
    const body = serializeResponse(result);
    if (!(await this.writer.complete(manager, this, body))) {
      throw new IdempotencyClaimLostError(this.record.key, this.record.route);
    }
    this.pendingBody = body;
  }

  markCommitted(): void {
    this.committedBody = this.pendingBody;
  }

  /**
   * The response to send: what the UnitOfWork stored, or, when the handler
   * wrote nothing through a UnitOfWork, `result` stored now in its own statement.
   */
  async finish(result: unknown): Promise<string | null> {
    if (!this.committed) {
      await this.completeWithin(undefined, result);
      this.markCommitted();
    }
    return this.committedBody ?? null;
  }

  /** Gives the key back after a failure, so the client may retry with it. */
  release(): Promise<void> {
    return this.writer.release(this);
  }
}
