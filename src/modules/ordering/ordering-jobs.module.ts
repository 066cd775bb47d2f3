import { Module } from '@nestjs/common';
import { SalesRankingProcessor } from './adapters/jobs/sales-ranking.processor';
import { RedisSalesRanking } from './adapters/ranking/redis-sales.ranking';
import { RecordSalesHandler } from './application/commands/record-sales/record-sales.handler';
import { SalesRanking } from './application/ports/sales-ranking.port';

/** Ordering (worker): the sales ranking kept from order events. */
@Module({
  providers: [
    SalesRankingProcessor,
    RecordSalesHandler,
    { provide: SalesRanking, useClass: RedisSalesRanking },
  ],
})
export class OrderingJobsModule {}
