/** One page of a work list: rows of a status (or all), after an id, in id order. */
export interface StatusPage {
  /** Only rows in this status; all rows when undefined. */
  readonly status?: string;
  /** The last id of the previous page (exclusive). */
  readonly afterId?: string;
  readonly limit: number;
}

/**
 * `SELECT * FROM <table> [WHERE status = ? AND id > ?] ORDER BY id LIMIT ?`: one
 * range of the (status, id) index or of the primary key, for the admin work lists
 * keyed by a time-ordered id. `table` is a constant of the caller, never input.
 */
export function statusPageQuery(
  table: string,
  page: StatusPage,
): { sql: string; parameters: unknown[] } {
  const where: string[] = [];
  const parameters: unknown[] = [];
  if (page.status) {
    where.push('status = ?');
    parameters.push(page.status);
  }
  if (page.afterId) {
    where.push('id > ?');
    parameters.push(page.afterId);
  }
  const filter = where.length ? ` WHERE ${where.join(' AND ')}` : '';
  return {
    sql: `SELECT * FROM ${table}${filter} ORDER BY id LIMIT ?`,
    parameters: [...parameters, page.limit],
  };
}
