import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { AuthenticatedUser } from '../../../../platform/auth/authenticated-user';
import { CurrentUser } from '../../../../platform/auth/current-user.decorator';
import { ApiProblems } from '../../../../platform/http/api-problems.decorator';
import { PageQuery } from '../../../../platform/http/page.query';
import { Idempotent } from '../../../../platform/idempotency/idempotent.decorator';
import { ChargeWalletCommand } from '../../application/commands/charge-wallet/charge-wallet.command';
import { GetWalletQuery } from '../../application/queries/get-wallet/get-wallet.query';
import { ListWalletTransactionsQuery } from '../../application/queries/list-wallet-transactions/list-wallet-transactions.query';
import { ChargeWalletRequest } from './charge-wallet.request';
import { ChargeWalletResponse } from './charge-wallet.response';
import { WalletResponse } from './wallet.response';
import { WalletTransactionPageResponse } from './wallet-transaction-page.response';

@ApiTags('wallet')
@ApiBearerAuth()
@Controller('wallet')
export class WalletController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'The caller’s balance and points (0/0 before the first charge)',
    description: 'Balance in won and points held by the caller; both 0 before the first charge.',
  })
  @ApiOkResponse({ type: WalletResponse })
  @ApiProblems(401, 429, 503)
  get(@CurrentUser() user: AuthenticatedUser): Promise<WalletResponse> {
    return this.queries.execute(new GetWalletQuery(user.id));
  }

  @Post('charges')
  @Idempotent()
  @ApiOperation({
    summary: 'Add money to the wallet (exactly once per Idempotency-Key)',
    description:
      '1..1,000,000 won per charge; the balance may not exceed 100,000,000. A replay of the ' +
      'same key and body returns the first response with `Idempotent-Replayed: true`.',
  })
  @ApiCreatedResponse({ type: ChargeWalletResponse })
  @ApiProblems(
    400,
    401,
    { status: 409, codes: ['BALANCE_LIMIT_EXCEEDED', 'IDEMPOTENCY_IN_PROGRESS'] },
    413,
    422,
    429,
    503,
  )
  charge(
    @CurrentUser() user: AuthenticatedUser,
    @Body() body: ChargeWalletRequest,
  ): Promise<ChargeWalletResponse> {
    return this.commands.execute(new ChargeWalletCommand(user.id, body.amount));
  }

  @Get('transactions')
  @ApiOperation({
    summary: 'The caller’s wallet ledger, newest first (keyset pagination)',
    description:
      "Every movement of the caller's balance and points (charges, payments, refunds, points earned, used, restored and revoked) with the balance and points after it.",
  })
  @ApiOkResponse({ type: WalletTransactionPageResponse })
  @ApiProblems(400, 401, 429, 503)
  transactions(
    @CurrentUser() user: AuthenticatedUser,
    @Query() page: PageQuery,
  ): Promise<WalletTransactionPageResponse> {
    return this.queries.execute(new ListWalletTransactionsQuery(user.id, page.limit, page.cursor));
  }
}
