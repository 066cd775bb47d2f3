import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuditTrail } from '../../../../shared/kernel/audit-trail.port';
import type { AuthenticatedUser } from '../../../../platform/auth/authenticated-user';
import { CurrentUser } from '../../../../platform/auth/current-user.decorator';
import { Roles } from '../../../../platform/auth/roles.decorator';
import { ApiProblems } from '../../../../platform/http/api-problems.decorator';
import { AuditEventPageResponse } from './audit-event-page.response';
import { AuditEventsQuery } from './audit-events.query';
import { AuditLog } from '../../../../platform/audit/audit-log';

/** The audit trail for administrators: all of it, by subject and actor; the read is itself audited. */
@ApiTags('admin')
@ApiBearerAuth()
@Roles('ADMIN')
@Controller('admin/audit-events')
export class AuditController {
  constructor(
    private readonly log: AuditLog,
    private readonly audit: AuditTrail,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'Audit events, newest first, by subject and/or actor (this read is audited too)',
    description:
      'Who read or changed whose personal data, role or password. Filter by `subjectUserId` (whose data) and `actorUserId` (who acted); keyset-paged. The read itself is recorded before the page is returned; if it cannot be, 503.',
  })
  @ApiOkResponse({ type: AuditEventPageResponse })
  @ApiProblems(400, 401, 403, 429, 503)
  async events(
    @CurrentUser() user: AuthenticatedUser,
    @Query() query: AuditEventsQuery,
  ): Promise<AuditEventPageResponse> {
    await this.audit.recordAccess({
      actor: { userId: user.id, role: user.role },
      action: 'admin.audit.read',
      subjectUserId: query.subjectUserId ?? null,
      resource: `audit-events?subject=${query.subjectUserId ?? '*'}&actor=${query.actorUserId ?? '*'}`,
    });
    return this.log.list(
      { subjectUserId: query.subjectUserId, actorUserId: query.actorUserId },
      query.limit,
      query.cursor,
    );
  }
}
