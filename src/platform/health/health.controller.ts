import {
  Controller,
  Get,
  Header,
  HttpStatus,
  Res,
  ServiceUnavailableException,
} from '@nestjs/common';
import {
  ApiOkResponse,
  ApiOperation,
  ApiServiceUnavailableResponse,
  ApiTags,
} from '@nestjs/swagger';
import {
  HealthCheckService,
  HealthIndicatorService,
  TypeOrmHealthIndicator,
} from '@nestjs/terminus';
import type { FastifyReply } from 'fastify';
import { SkipThrottle } from '@nestjs/throttler';
import { Public } from '../auth/public.decorator';
import { RedisHealthIndicator } from './redis.health';
import { ReplicaHealthIndicator } from './replica.health';
import { ShutdownState } from './shutdown-state';

/** Probes for load balancers and orchestrators (outside the API prefix, no auth). */
@ApiTags('health')
@Public()
@SkipThrottle()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly redis: RedisHealthIndicator,
    private readonly replicas: ReplicaHealthIndicator,
    private readonly shutdown: ShutdownState,
  ) {}

  /** 200 while the process runs; checks no dependency. */
  @Get('live')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary: 'Liveness: the process runs',
    description: 'For orchestrators: 200 as long as the process runs; checks no dependency.',
  })
  @ApiOkResponse({ description: 'The process is alive' })
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  /** 200 only when the primary and Redis answer and the instance is not shutting down. */
  @Get('ready')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary: 'Readiness: whether this instance should get traffic',
    description:
      'For load balancers. The Terminus-style body names each dependency and its state; 503 tells the balancer to send traffic elsewhere.',
  })
  @ApiOkResponse({ description: 'Ready for traffic (replicas may be degraded)' })
  @ApiServiceUnavailableResponse({
    description: 'Not ready: a dependency is down or the instance is draining',
  })
  async ready(@Res({ passthrough: true }) reply: FastifyReply): Promise<unknown> {
    try {
      return await this.health.check([
        () => {
          const session = this.indicators.check('shutdown');
          return this.shutdown.isDraining() ? session.down({ message: 'draining' }) : session.up();
        },
        () => this.database.pingCheck('primary', { timeout: 1000 }),
        () => this.redis.check('redis'),
        () => this.replicas.check('replicas'),
      ]);
    } catch (error) {
      if (!(error instanceof ServiceUnavailableException)) throw error;
      void reply.status(HttpStatus.SERVICE_UNAVAILABLE);
      return error.getResponse();
    }
  }
}
