import {
  Controller,
  Get,
  Header,
  HttpStatus,
  Res,
  ServiceUnavailableException,
} from '@nestjs/common';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { HealthCheckService, HealthIndicatorService } from '@nestjs/terminus';
import type { FastifyReply } from 'fastify';
import { SkipThrottle } from '@nestjs/throttler';
import { Public } from '../auth/public.decorator';
import { DatabaseHealthIndicator } from './database.health';
import { RedisHealthIndicator } from './redis.health';
import { ShutdownState } from './shutdown-state';
import { StartupState } from './startup-state';

/** Probes for load balancers and orchestrators (outside the API prefix, no auth). */
@ApiTags('health')
@Public()
@SkipThrottle()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    private readonly database: DatabaseHealthIndicator,
    private readonly redis: RedisHealthIndicator,
    private readonly startup: StartupState,
    private readonly shutdown: ShutdownState,
  ) {}

  /** 200 while the process runs; checks no dependency. */
  @Get('live')
  @Header('Cache-Control', 'no-store')
  @ApiOkResponse({ description: 'The process is alive' })
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  /**
   * Whether this instance should get traffic (ADR 0020): 503 only while it is
   * starting or draining, or when neither the primary nor any replica answers.
   * Redis, the primary or a replica being down is a shared outage: reported
   * as `state: "degraded"` in the body, with readiness still 200.
   */
  @Get('ready')
  @Header('Cache-Control', 'no-store')
  @ApiOkResponse({
    description:
      'Ready for traffic; each dependency reports `state` ok or degraded (Terminus-style body)',
  })
  @ApiServiceUnavailableResponse({
    description: 'Not ready: starting, draining, or neither the primary nor any replica answers',
  })
  async ready(@Res({ passthrough: true }) reply: FastifyReply): Promise<unknown> {
    try {
      return await this.health.check([
        () => {
          const session = this.indicators.check('startup');
          return this.startup.isStarting() ? session.down({ message: 'starting' }) : session.up();
        },
        () => {
          const session = this.indicators.check('shutdown');
          return this.shutdown.isDraining() ? session.down({ message: 'draining' }) : session.up();
        },
        () => this.database.check(),
        () => this.redis.check('redis'),
      ]);
    } catch (error) {
      if (!(error instanceof ServiceUnavailableException)) throw error;
      void reply.status(HttpStatus.SERVICE_UNAVAILABLE);
      return error.getResponse();
    }
  }
}
