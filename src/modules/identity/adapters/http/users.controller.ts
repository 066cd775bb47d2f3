import { Controller, Get } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthenticatedUser } from '../../../../platform/auth/authenticated-user';
import { CurrentUser } from '../../../../platform/auth/current-user.decorator';
import { ApiProblems } from '../../../../platform/http/api-problems.decorator';
import { GetCurrentUserQuery } from '../../application/queries/get-current-user/get-current-user.query';
import { MeResponse } from './me.response';

@ApiTags('users')
@ApiBearerAuth()
@Controller('users')
export class UsersController {
  constructor(private readonly queries: QueryBus) {}

  @Get('me')
  @ApiOperation({
    summary: 'The caller’s profile (reads its own writes even from lagging replicas)',
    description:
      "The authenticated user's id, email, name, role and creation time. Reads the caller's own recent writes even while replicas lag.",
  })
  @ApiOkResponse({ type: MeResponse })
  @ApiProblems(401, 404, 429)
  me(@CurrentUser() user: AuthenticatedUser): Promise<MeResponse> {
    return this.queries.execute(new GetCurrentUserQuery(user.id));
  }
}
