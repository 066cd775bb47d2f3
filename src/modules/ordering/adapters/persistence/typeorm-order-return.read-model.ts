import { Injectable } from '@nestjs/common';
import { ReadDatabase } from '../../../../platform/database/read-database';
import { statusPageQuery } from '../../../../platform/database/status-page-query';
import { OrderReturnReadModel } from '../../application/ports/order-return.read-model.port';
import { ReturnView } from '../../application/queries/list-returns/return.view';
import { toReturnView } from '../../application/services/return-view.mapper';
import { ReturnStatus } from '../../domain/return-status';
import {
  OrderReturnLineRow,
  OrderReturnRow,
  RETURN_LINES_SQL,
  toOrderReturn,
} from './order-return.rows';

/** Returns on a replica: one index range ((status, id) or the primary key), then their lines. */
@Injectable()
export class TypeOrmOrderReturnReadModel extends OrderReturnReadModel {
  constructor(private readonly database: ReadDatabase) {
    super();
  }

  async list(
    status: ReturnStatus | undefined,
    limit: number,
    afterId?: string,
  ): Promise<ReturnView[]> {
    const page = statusPageQuery('order_returns', { status, afterId, limit });
    const rows = await this.database.query<OrderReturnRow>(page.sql, page.parameters);
    if (rows.length === 0) return [];
    const lines = await this.database.query<OrderReturnLineRow>(
      `${RETURN_LINES_SQL} (${rows.map(() => '?').join(', ')}) ORDER BY rl.return_id, rl.product_id`,
      rows.map((row) => row.id),
    );
    return rows.map((row) => toReturnView(toOrderReturn(row, lines)));
  }
}
