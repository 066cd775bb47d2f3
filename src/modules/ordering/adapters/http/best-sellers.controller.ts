import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '../../../../platform/auth/public.decorator';
import { ApiProblems } from '../../../../platform/http/api-problems.decorator';
import { HttpCache } from '../../../../platform/http/http-cache';
import { GetBestSellersQuery } from '../../application/queries/get-best-sellers/get-best-sellers.query';
import { BestSellersRequest } from './best-sellers.request';
import { BestSellersResponse } from './best-sellers.response';

@ApiTags('catalog')
@Controller('products')
export class BestSellersController {
  constructor(private readonly queries: QueryBus) {}

  @Public()
  @Get('popular')
  @HttpCache({ maxAgeSeconds: 10, staleWhileRevalidateSeconds: 60 })
  @ApiOperation({
    summary:
      'Best sellers by quantity over the last `days` UTC days (cancelled orders excluded); from Redis, or the database when Redis cannot answer',
    description:
      'Quantities sold per product over the last `days` UTC days (today included), highest first, at most `limit` entries. Public; may lag new orders by a few seconds.',
  })
  @ApiOkResponse({ type: BestSellersResponse })
  @ApiProblems(400, 429)
  popular(@Query() query: BestSellersRequest): Promise<BestSellersResponse> {
    return this.queries.execute(new GetBestSellersQuery(query.days, query.limit));
  }
}
