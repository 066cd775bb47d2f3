import { randomBytes } from 'node:crypto';
import { SqlRunner } from '../database/keyset-batches';

export type { SqlRunner } from '../database/keyset-batches';

interface KeyRow {
  user_id: string;
  secret: Buffer;
}

/**
 * The member-key vault (ADR 0035): one random 32-byte secret per member in
 * its own schema, apart from the shop database and its backups, and the
 * erasure log (tombstones) beside it. Destroying a member's secret makes
 * every value sealed for them unreadable, wherever a copy of it lives.
 * Plain SQL over a given runner, so the API (inside its UnitOfWork), the
 * worker and the commands share it.
 */
export class MemberKeyStore {
  /** `schema`.member_keys, for joins from read models. */
  readonly keysTable: string;
  readonly erasuresTable: string;

  constructor(readonly schema: string) {
    this.keysTable = `\`${schema}\`.member_keys`;
    this.erasuresTable = `\`${schema}\`.member_erasures`;
  }

  /** 32 random bytes: a member secret. */
  static newSecret(): Buffer {
    return randomBytes(32);
  }

  /** A new secret for a new member (inside the transaction that creates the member). */
  async create(db: SqlRunner, userId: string, now: Date): Promise<Buffer> {
    const secret = MemberKeyStore.newSecret();
    await db.query(`INSERT INTO ${this.keysTable} (user_id, secret, created_at) VALUES (?, ?, ?)`, [
      userId,
      secret,
      now,
    ]);
    return secret;
  }

  /**
   * The member's secret, created when missing (members from before
   * encryption); null for an erased member, who never gets a key again.
   */
  async ensure(db: SqlRunner, userId: string, now: Date): Promise<Buffer | null> {
    const existing = await this.find(db, userId);
    if (existing) return existing;
    await db.query(
      `INSERT IGNORE INTO ${this.keysTable} (user_id, secret, created_at)
       SELECT ?, ?, ? FROM DUAL
        WHERE NOT EXISTS (SELECT 1 FROM ${this.erasuresTable} WHERE user_id = ?)`,
      [userId, randomBytes(32), now, userId],
    );
    return this.find(db, userId);
  }

  /**
   * `ensure`, read at most once per transaction: `cache` is the transaction's
   * own map of secrets (TransactionState.memberKeys), none outside one.
   */
  async ensureCached(
    db: SqlRunner,
    cache: Map<string, Buffer> | undefined,
    userId: string,
    now: Date,
  ): Promise<Buffer | null> {
    const known = cache?.get(userId);
    if (known) return known;
    const secret = await this.ensure(db, userId, now);
    if (secret) cache?.set(userId, secret);
    return secret;
  }

  async find(db: SqlRunner, userId: string): Promise<Buffer | null> {
    const rows = (await db.query(
      `SELECT user_id, secret FROM ${this.keysTable} WHERE user_id = ?`,
      [userId],
    )) as KeyRow[];
    return rows[0] ? Buffer.from(rows[0].secret) : null;
  }

  async findMany(db: SqlRunner, userIds: readonly string[]): Promise<Map<string, Buffer>> {
    const found = new Map<string, Buffer>();
    if (userIds.length === 0) return found;
    const rows = (await db.query(
      `SELECT user_id, secret FROM ${this.keysTable} WHERE user_id IN (?)`,
      [[...new Set(userIds)]],
    )) as KeyRow[];
    for (const row of rows) found.set(row.user_id, Buffer.from(row.secret));
    return found;
  }

  /** Crypto-shredding: deletes the secret and records the erasure in the log. Idempotent. */
  async destroy(db: SqlRunner, userId: string, erasedAt: Date): Promise<void> {
    await db.query(`DELETE FROM ${this.keysTable} WHERE user_id = ?`, [userId]);
    await db.query(`INSERT IGNORE INTO ${this.erasuresTable} (user_id, erased_at) VALUES (?, ?)`, [
      userId,
      erasedAt,
    ]);
  }

  /** The erasure log, oldest first. */
  async erasures(db: SqlRunner): Promise<Array<{ userId: string; erasedAt: Date }>> {
    const rows = (await db.query(
      `SELECT user_id, erased_at FROM ${this.erasuresTable} ORDER BY erased_at, user_id`,
    )) as Array<{ user_id: string; erased_at: Date }>;
    return rows.map((row) => ({ userId: row.user_id, erasedAt: new Date(row.erased_at) }));
  }
}
