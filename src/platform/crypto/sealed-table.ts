/**
 * A table holding sealed values (`e1.<key id>.<…>`), described for the
 * passes that walk every sealed value (the key rotation, its check). Each
 * persistence mapper that seals declares its table; the rotation command
 * lists them all.
 */
export interface SealedTable {
  /** The table, as named in the associated data of its values. */
  readonly table: string;
  /** Its primary key: the row id of the associated data (ascii, ordered). */
  readonly idColumn: string;
  /** The sealed columns. */
  readonly columns: readonly string[];
  /**
   * SQL giving the owning member's user id, over the table aliased `t`
   * (e.g. `t.user_id`), with `join` when it lives in another table.
   */
  readonly ownerColumn: string;
  readonly join?: string;
}
