import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthenticatedUser } from '../../../../platform/auth/authenticated-user';
import { CurrentUser } from '../../../../platform/auth/current-user.decorator';
import { AuditLog } from '../../../../platform/audit/audit-log';
import { ApiProblems } from '../../../../platform/http/api-problems.decorator';
import { PageQuery } from '../../../../platform/http/page.query';
import { AccessLogPageResponse } from './access-log-page.response';

/** A member's view of the audit trail: who (by role) read or changed their personal data. */
@ApiTags('users')
@ApiBearerAuth()
@Controller('users/me/access-log')
export class AccessLogController {
  constructor(private readonly log: AuditLog) {}

  @Get()
  @ApiOperation({
    summary: 'Who read or changed the caller’s personal data',
    description:
      'Audit events whose subject is the caller, newest first: when, the role of whoever acted (not who), what and which resource. Keyset-paged.',
  })
  @ApiOkResponse({ type: AccessLogPageResponse })
  @ApiProblems(400, 401, 429)
  async accessLog(
    @CurrentUser() user: AuthenticatedUser,
    @Query() page: PageQuery,
  ): Promise<AccessLogPageResponse> {
    const found = await this.log.list({ subjectUserId: user.id }, page.limit, page.cursor);
    return {
      items: found.items.map((event) => ({
        at: event.at,
        actorRole: event.actorRole,
        action: event.action,
        resource: event.resource,
      })),
      nextCursor: found.nextCursor,
    };
  }
}
