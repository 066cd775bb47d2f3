import { ReturnStatus } from '../../domain/return-status';
import { ReturnView } from '../queries/list-returns/return.view';

/** Read side of returns (replica; the acting admin reads their own writes). */
export abstract class OrderReturnReadModel {
  /** Returns oldest first (ids are time-ordered), optionally of one status, after `afterId` (keyset). */
  abstract list(
    status: ReturnStatus | undefined,
    limit: number,
    afterId?: string,
  ): Promise<ReturnView[]>;
}
