import { Command } from '@nestjs/cqrs';
import { ReturnView } from '../../queries/list-returns/return.view';

/** Admin, on receipt of the parcel: refund, restock, settle points. */
export class ApproveReturnCommand extends Command<{ orderReturn: ReturnView; approved: boolean }> {
  constructor(readonly returnId: string) {
    super();
  }
}
