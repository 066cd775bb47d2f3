/** Anything that runs SQL: a TypeORM EntityManager, DataSource or QueryRunner. */
export interface SqlRunner {
  query(sql: string, parameters?: unknown[]): Promise<unknown>;
}

/** One keyset-paginated scan of a table (see forEachKeysetBatch). */
export interface KeysetScan<Row> {
  /**
   * `SELECT … WHERE <key> > ? … ORDER BY <key> LIMIT ?`: its last two
   * parameters are the last key of the previous batch ('' at first) and the
   * batch size.
   */
  readonly sql: string;
  /** Parameters before those two. */
  readonly parameters?: readonly unknown[];
  /** The key of a row (the column the scan orders by). */
  readonly keyOf: (row: Row) => string;
  readonly batchSize: number;
}

/**
 * Walks a table in short keyset batches, each its own statement (no
 * transaction around the whole, so nothing stays locked and the API keeps
 * serving), and hands each batch to `work` before reading the next. Used by
 * the online passes over personal data (the sealing migration, the key
 * rotation). Returns how many rows it read.
 */
export async function forEachKeysetBatch<Row>(
  db: SqlRunner,
  scan: KeysetScan<Row>,
  work: (rows: Row[]) => Promise<void>,
): Promise<number> {
  let after = '';
  let read = 0;
  for (;;) {
    const rows = (await db.query(scan.sql, [
      ...(scan.parameters ?? []),
      after,
      scan.batchSize,
    ])) as Row[];
    if (rows.length === 0) return read;
    read += rows.length;
    after = scan.keyOf(rows[rows.length - 1]!);
    await work(rows);
    if (rows.length < scan.batchSize) return read;
  }
}
