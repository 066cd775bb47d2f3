import { Command } from '@nestjs/cqrs';
import { ReturnView } from '../../queries/list-returns/return.view';

/** Admin: the parcel of a requested return never arrived; release its units, refund nothing. */
export class RejectReturnCommand extends Command<{ orderReturn: ReturnView; rejected: boolean }> {
  constructor(readonly returnId: string) {
    super();
  }
}
