import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { SalesRanking } from '../../ports/sales-ranking.port';
import { RecordSalesCommand } from './record-sales.command';

@CommandHandler(RecordSalesCommand)
export class RecordSalesHandler implements ICommandHandler<RecordSalesCommand, void> {
  constructor(private readonly ranking: SalesRanking) {}

  async execute(command: RecordSalesCommand): Promise<void> {
    await this.ranking.record(
      command.eventId,
      command.placedAt.toISOString().slice(0, 10),
      command.changes,
    );
  }
}
