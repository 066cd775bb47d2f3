import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { SecurityEvents } from '../../shared/kernel/security-events.port';
import { ServiceUnavailableError } from '../../shared/kernel/service-unavailable.error';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { CurrentUser } from '../auth/current-user.decorator';
import { Roles } from '../auth/roles.decorator';
import { ApiProblems } from '../http/api-problems.decorator';
import { DeadLetterListResponse } from './dead-letter-list.response';
import { DeadLetterResponse } from './dead-letter.response';
import { QueuesResponse } from './queues.response';
import { DeadLetters } from './dead-letters';
import { PageQuery } from '../http/page.query';
import { QueueMonitor } from './queue-monitor';

/** Operations on the job system: queue depths and dead letters (admin only). */
@ApiTags('admin')
@ApiBearerAuth()
@Roles('ADMIN')
@Controller('admin')
export class AdminQueuesController {
  constructor(
    private readonly monitor: QueueMonitor,
    private readonly deadLetters: DeadLetters,
    private readonly security: SecurityEvents,
  ) {}

  @Get('queues')
  @ApiOperation({
    summary: 'Job counts per queue and state',
    description:
      'Admin only. Waiting, active, completed, failed, delayed and paused jobs per Bull queue.',
  })
  @ApiOkResponse({ type: QueuesResponse })
  @ApiProblems(401, 403, 503)
  async queues(): Promise<QueuesResponse> {
    try {
      const counts = await this.monitor.counts();
      return { queues: Object.entries(counts).map(([name, byState]) => ({ name, ...byState })) };
    } catch {
      throw new ServiceUnavailableError('The job queue (Redis) is unavailable');
    }
  }

  @Get('dead-letters')
  @ApiOperation({
    summary: 'Jobs that failed their last attempt, newest first',
    description:
      'Admin only. Dead letters with the job data, the last error and the redrive status, keyset-paginated.',
  })
  @ApiOkResponse({ type: DeadLetterListResponse })
  @ApiProblems(400, 401, 403)
  list(@Query() page: PageQuery): Promise<DeadLetterListResponse> {
    return this.deadLetters.list(page.limit, page.cursor);
  }

  @Post('dead-letters/:id/redrive')
  @HttpCode(202)
  @ApiOperation({
    summary: 'Queue a dead letter again (the worker enqueues it within a second)',
    description:
      'Admin only. Marks the dead letter for redrive; the worker puts the job back on its queue within about a second and the consumer still runs it at most once.',
  })
  @ApiAcceptedResponse({ type: DeadLetterResponse })
  @ApiProblems(400, 401, 403, 404)
  async redrive(
    @Param('id', new ParseUUIDPipe()) id: string,
    @CurrentUser() admin: AuthenticatedUser,
  ): Promise<DeadLetterResponse> {
    const deadLetter = await this.deadLetters.requestRedrive(id);
    this.security.record({
      event: 'dead_letter_redrive_requested',
      userId: admin.id,
      detail: { deadLetterId: id, queue: deadLetter.queue },
    });
    return deadLetter;
  }
}
