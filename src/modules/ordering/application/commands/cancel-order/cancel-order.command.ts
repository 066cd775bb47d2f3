import { Command } from '@nestjs/cqrs';

export class CancelOrderCommand extends Command<{ status: 'CANCELLED' }> {
  constructor(
    readonly orderId: string,
    readonly callerId: string,
    readonly callerIsAdmin: boolean,
  ) {
    super();
  }
}
