import { Body, Controller, Get, Param, Patch, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthenticatedUser } from '../../../../platform/auth/authenticated-user';
import { CurrentUser } from '../../../../platform/auth/current-user.decorator';
import { Roles } from '../../../../platform/auth/roles.decorator';
import { ApiProblems } from '../../../../platform/http/api-problems.decorator';
import { ResourceIdPipe } from '../../../../platform/http/resource-id.pipe';
import { ChangeRoleCommand } from '../../application/commands/change-role/change-role.command';
import { FindUsersByEmailQuery } from '../../application/queries/find-users-by-email/find-users-by-email.query';
import { GetUserQuery } from '../../application/queries/get-user/get-user.query';
import { AdminUserListResponse } from './admin-user-list.response';
import { AdminUserResponse } from './admin-user.response';
import { AdminUsersQuery } from './admin-users.query';
import { ChangeRoleRequest } from './change-role.request';

const userId = new ResourceIdPipe('user');

/** Administrators and members' accounts: every read of one is audited before it is answered. */
@ApiTags('admin')
@ApiBearerAuth()
@Roles('ADMIN')
@Controller('admin/users')
export class AdminUsersController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'Find an account by exact e-mail address (audited)',
    description:
      'Exact match through the e-mail blind index; there is no partial search. The lookup is written to the audit trail before the answer; if it cannot be, 503 and nothing is returned.',
  })
  @ApiOkResponse({ type: AdminUserListResponse })
  @ApiProblems(400, 401, 403, 429, 503)
  async find(
    @CurrentUser() admin: AuthenticatedUser,
    @Query() query: AdminUsersQuery,
  ): Promise<AdminUserListResponse> {
    // No address, nothing looked up: nothing to audit either.
    if (!query.email) return { items: [] };
    return {
      items: await this.queries.execute(
        new FindUsersByEmailQuery(admin.id, admin.role, query.email),
      ),
    };
  }

  @Get(':id')
  @ApiOperation({
    summary: 'Read an account (audited)',
    description:
      'The account’s profile. The read is written to the audit trail before the answer; if it cannot be, 503 and nothing is returned.',
  })
  @ApiOkResponse({ type: AdminUserResponse })
  @ApiProblems(400, 401, 403, 404, 429, 503)
  get(
    @CurrentUser() admin: AuthenticatedUser,
    @Param('id', userId) id: string,
  ): Promise<AdminUserResponse> {
    return this.queries.execute(new GetUserQuery(admin.id, admin.role, id));
  }

  @Patch(':id/role')
  @ApiOperation({
    summary: 'Change an account’s role (audited, raises a security event)',
    description:
      'CUSTOMER or ADMIN. The change and its audit event commit together; a "role changed" security event follows. Returns the account.',
  })
  @ApiOkResponse({ type: AdminUserResponse })
  @ApiProblems(400, 401, 403, 404, 429, 503)
  async changeRole(
    @CurrentUser() admin: AuthenticatedUser,
    @Param('id', userId) id: string,
    @Body() body: ChangeRoleRequest,
  ): Promise<AdminUserResponse> {
    await this.commands.execute(new ChangeRoleCommand(admin.id, admin.role, id, body.role));
    return this.queries.execute(new GetUserQuery(admin.id, admin.role, id));
  }
}
