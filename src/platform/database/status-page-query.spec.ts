import { statusPageQuery } from './status-page-query';

const ID = '0193a7e2-5c1d-7b3e-9f10-2a4b6c8d0e1f';

describe(statusPageQuery.name, () => {
  it('reads the first page of every status in id order', () => {
    expect(statusPageQuery('shipments', { limit: 21 })).toEqual({
      sql: 'SELECT * FROM shipments ORDER BY id LIMIT ?',
      parameters: [21],
    });
  });

  it('filters by status', () => {
    expect(statusPageQuery('shipments', { status: 'READY', limit: 5 })).toEqual({
      sql: 'SELECT * FROM shipments WHERE status = ? ORDER BY id LIMIT ?',
      parameters: ['READY', 5],
    });
  });

  it('starts after the cursor id', () => {
    expect(statusPageQuery('order_returns', { afterId: ID, limit: 5 })).toEqual({
      sql: 'SELECT * FROM order_returns WHERE id > ? ORDER BY id LIMIT ?',
      parameters: [ID, 5],
    });
  });

  it('combines status and cursor, status first (the (status, id) index)', () => {
    expect(
      statusPageQuery('order_returns', { status: 'REQUESTED', afterId: ID, limit: 5 }),
    ).toEqual({
      sql: 'SELECT * FROM order_returns WHERE status = ? AND id > ? ORDER BY id LIMIT ?',
      parameters: ['REQUESTED', ID, 5],
    });
  });
});
