import { forEachKeysetBatch, SqlRunner } from '../database/keyset-batches';
import { FieldCipher } from './field-cipher';
import { MemberKeyStore } from './member-key-store';
import { SealedTable } from './sealed-table';

/** What one pass over a table did (rotate) or found (check). */
export interface RotationCount {
  readonly table: string;
  /** Rows read. */
  scanned: number;
  /** Rows re-encrypted under the active key (rotate), or needing it (check). */
  rotated: number;
  /** Rows written by someone else between the read and the write, re-read and retried. */
  conflicts: number;
  /** Rows of erased members (no key anywhere) still naming another ring key: unreadable, left alone. */
  erased: number;
  /** Values under another ring key, by key id (check), or left so after the retries (rotate). */
  remaining: Record<string, number>;
  /** Rows that could not be re-encrypted (undecryptable value, key missing from DATA_KEYS). */
  failed: Array<{ rowId: string; reason: string }>;
}

export interface RotationOptions {
  /** Rows per keyset batch (one SELECT), each row then its own short UPDATE. */
  readonly batchSize: number;
  /** Pause between batches, to leave the primary to the API. */
  readonly pauseMs?: number;
  /** Count only: write nothing. */
  readonly checkOnly?: boolean;
  /** Called after each batch with the running count. */
  readonly onBatch?: (count: Readonly<RotationCount>) => void;
}

type Row = Record<string, string | null> & { id: string; secret: Buffer | null };

/** A row is written again at most this many times when concurrent writes keep changing it. */
const ATTEMPTS = 5;

/**
 * Re-encrypts every sealed value of a table under the active ring key
 * (ADR 0045), online: keyset batches read on the primary, then one UPDATE
 * per row that applies only if the row's stale values are still the ones
 * read (compare-and-set on the old ciphertext, which names the old key id).
 * A row the API changed meanwhile is re-read and retried, so no concurrent
 * update is lost and no lock outlives a single-row statement. Values already
 * under the active key are skipped, so the pass is resumable and safe to
 * run again. Member secrets stay as they are: they are not wrapped with a
 * ring key (ADR 0032), the field key is derived from both.
 */
export class DataKeyRotation {
  constructor(
    private readonly cipher: FieldCipher,
    private readonly store: MemberKeyStore,
  ) {}

  async run(db: SqlRunner, table: SealedTable, options: RotationOptions): Promise<RotationCount> {
    const count: RotationCount = {
      table: table.table,
      scanned: 0,
      rotated: 0,
      conflicts: 0,
      erased: 0,
      remaining: {},
      failed: [],
    };
    await forEachKeysetBatch<Row>(
      db,
      {
        sql: `${this.select(table)} WHERE t.${table.idColumn} > ? ORDER BY t.${table.idColumn} LIMIT ?`,
        keyOf: (row) => row.id,
        batchSize: options.batchSize,
      },
      async (rows) => {
        count.scanned += rows.length;
        for (const row of rows) await this.rotateRow(db, table, row, count, options);
        options.onBatch?.(count);
        if (options.pauseMs) await new Promise((resolve) => setTimeout(resolve, options.pauseMs));
      },
    );
    return count;
  }

  private select(table: SealedTable): string {
    return `SELECT t.${table.idColumn} AS id, k.secret AS secret, ${table.columns.map((c) => `t.${c}`).join(', ')}
              FROM ${table.table} t ${table.join ?? ''}
              LEFT JOIN ${this.store.keysTable} k ON k.user_id = ${table.ownerColumn}`;
  }

  private async rotateRow(
    db: SqlRunner,
    table: SealedTable,
    first: Row,
    count: RotationCount,
    options: RotationOptions,
  ): Promise<void> {
    let row: Row | undefined = first;
    for (let attempt = 1; row; attempt += 1) {
      const stale = this.staleColumns(table, row);
      if (stale.length === 0) return;
      if (!row.secret) {
        count.erased += 1;
        return;
      }
      if (options.checkOnly || attempt > ATTEMPTS) {
        for (const column of stale) {
          const keyId = FieldCipher.keyIdOf(row[column]!)!;
          count.remaining[keyId] = (count.remaining[keyId] ?? 0) + 1;
        }
        if (!options.checkOnly) count.failed.push({ rowId: row.id, reason: 'kept changing' });
        else count.rotated += 1;
        return;
      }
      let sealed: Record<string, string | null>;
      try {
        const secret = Buffer.from(row.secret);
        const plain = this.cipher.openRow(secret, table.table, row.id, pick(row, stale));
        sealed = this.cipher.sealRow(secret, table.table, row.id, plain);
      } catch (error) {
        count.failed.push({ rowId: row.id, reason: (error as Error).name });
        return;
      }
      const result = (await db.query(
        `UPDATE ${table.table} SET ${stale.map((c) => `${c} = ?`).join(', ')}
          WHERE ${table.idColumn} = ? AND ${stale.map((c) => `${c} = ?`).join(' AND ')}`,
        [...stale.map((c) => sealed[c]), row.id, ...stale.map((c) => row![c])],
      )) as { affectedRows?: number };
      if (Number(result.affectedRows ?? 0) === 1) {
        count.rotated += 1;
        return;
      }
      // Changed (or deleted) since it was read: read it again and look.
      count.conflicts += 1;
      const again = (await db.query(`${this.select(table)} WHERE t.${table.idColumn} = ?`, [
        row.id,
      ])) as Row[];
      row = again[0];
    }
  }

  /** Columns holding a sealed value under another ring key than the active one. */
  private staleColumns(table: SealedTable, row: Row): string[] {
    return table.columns.filter((column) => {
      const value = row[column];
      return (
        typeof value === 'string' &&
        FieldCipher.keyIdOf(value) !== undefined &&
        !this.cipher.isCurrent(value)
      );
    });
  }
}

function pick(row: Row, columns: readonly string[]): Record<string, string | null> {
  return Object.fromEntries(columns.map((column) => [column, row[column] ?? null]));
}
