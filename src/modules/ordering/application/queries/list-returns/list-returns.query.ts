import { Query } from '@nestjs/cqrs';
import { ReturnStatus } from '../../../domain/return-status';
import { ReturnPageView } from './return-page.view';

/** Admin: returns, oldest first, optionally of one status (the warehouse's list of parcels to expect). */
export class ListReturnsQuery extends Query<ReturnPageView> {
  constructor(
    readonly status: ReturnStatus | undefined,
    readonly limit: number,
    readonly cursor?: string,
  ) {
    super();
  }
}
