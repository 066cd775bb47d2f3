import { randomUUID } from 'node:crypto';
import {
  DynamicModule,
  INestApplication,
  Logger as NestLogger,
  RequestMethod,
} from '@nestjs/common';
import { ModuleRef, NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { Logger } from 'nestjs-pino';
import { AppConfig } from '../config/app-config';
import { ShutdownState } from '../health/shutdown-state';
import { MetricsService } from '../observability/metrics.service';
import { logRequest } from '../observability/request-log';
import { ProblemDetailsFilter } from './problem-details.filter';
import { applyEtag } from './http-cache';
import { RequestContext } from '../request-context/request-context';
import { ValidationError } from '../../shared/kernel/validation.error';
import { clientErrorResponse, frameworkError } from './framework-errors';
import { inputProblems } from './input-well-formedness';
import { sendProblem } from './send-problem';
import { ServerClosingError } from './server-closing.error';
import { securityHeaders } from './security-headers';
import { setupSwagger } from './swagger';
import { FastRoutes } from './fast-routes';
import { createValidationPipe } from './validation.pipe';

/** `/api/v1` on every route but the operations endpoints (also used to build the OpenAPI document offline). */
export function applyApiPrefix(app: INestApplication): void {
  app.setGlobalPrefix('api/v1', {
    exclude: [
      { path: 'health/live', method: RequestMethod.GET },
      { path: 'health/ready', method: RequestMethod.GET },
      { path: 'metrics', method: RequestMethod.GET },
    ],
  });
}

/** Largest accepted request body. */
export const BODY_LIMIT_BYTES = 100 * 1024;
const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * Builds a Nest application on Fastify with the HTTP platform every process
 * shares: request ids and request context, problem+json errors (ours and the
 * framework's), input well-formedness and validation, metrics per route,
 * security headers, the /api/v1 prefix and Swagger.
 */
export async function createHttpApp(
  module: DynamicModule,
  config: AppConfig,
  options: { swagger: boolean; version: string },
): Promise<NestFastifyApplication> {
  const errorLogger = new NestLogger('HTTP');
  let closing = false;
  const adapter = new FastifyAdapter({
    bodyLimit: BODY_LIMIT_BYTES,
    trustProxy: config.trustProxy,
    requestIdHeader: false,
    genReqId: (request: { headers: Record<string, string | string[] | undefined> }) => {
      const header = request.headers['x-request-id'];
      return typeof header === 'string' && REQUEST_ID.test(header) ? header : randomUUID();
    },
    keepAliveTimeout: 65_000,
    // No Nest middleware is bound to any route (logger.options.ts): without this, Nest registers
    // @fastify/middie anyway and its onRequest hook runs on every request (~2% of a cached read).
    // A module that binds middleware now fails at start (fastify has no `use`) instead of slowing every request.
    skipMiddie: true,
    // Closing is answered by the onRequest hook below, as problem+json.
    return503OnClosing: false,
    // Router errors (a path param over maxParamLength, bad percent-encoding) as problem+json.
    frameworkErrors: (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
      decorate(request, reply);
      sendProblem(frameworkError(error), request, reply, errorLogger);
    },
    // Unparseable HTTP (bad request line, headers too large, timeouts) never reaches a route.
    clientErrorHandler: (error, socket) => {
      if ((error as NodeJS.ErrnoException).code === 'ECONNRESET' || socket.destroyed) return;
      if (socket.writable) socket.write(clientErrorResponse(error));
      socket.destroy(error);
    },
  });
  const fastify = adapter.getInstance();
  const security = securityHeaders();
  const decorate = (request: FastifyRequest, reply: FastifyReply): void => {
    (request.raw as { id?: string }).id = request.id;
    // Security headers on the raw response, where helmet puts them.
    for (const [name, value] of security.set) reply.raw.setHeader(name, value);
    for (const name of security.removed) reply.raw.removeHeader(name);
    void reply.header('x-request-id', request.id);
  };
  fastify.addHook('preClose', (done) => {
    closing = true;
    done();
  });
  fastify.addHook('onRequest', (request, reply, done) => {
    decorate(request, reply);
    if (closing) {
      // Requests still arriving on kept-alive connections while the server closes.
      void reply.header('connection', 'close');
      return done(new ServerClosingError());
    }
    RequestContext.run({ requestId: request.id, clientAddress: request.ip }, done);
  });
  // Before guards, interceptors, pipes or validators see the input (issue 13 item 1).
  fastify.addHook('preValidation', (request, _reply, done) => {
    const problems = [
      ...inputProblems('path', request.params),
      ...inputProblems('query', request.query),
      ...inputProblems('body', request.body),
    ];
    done(problems.length > 0 ? new ValidationError(problems) : undefined);
  });

  const app = await NestFactory.create<NestFastifyApplication>(module, adapter, {
    bufferLogs: true,
    // Errors reach the caller (main.ts/worker.ts exit 1 naming them) instead of Nest exiting the
    // process itself: with the default, the optional FastRoutes lookup below killed the worker.
    abortOnError: false,
  });
  // Hot public reads outside Nest's pipeline (ADR 0044); Nest registers its routes at init, after this.
  // Through ModuleRef: app.get() runs in Nest's exceptions zone, which exits the
  // process on an unknown provider, so the worker (no fast routes) died at start.
  const fastRoutes = optional(() => app.get(ModuleRef).get(FastRoutes, { strict: false }));
  if (fastRoutes) fastify.addHook('onRoute', (route) => fastRoutes.wrap(route));
  const logger = app.get(Logger);
  app.useLogger(logger);
  const metrics = app.get(MetricsService);
  const shutdown = app.get(ShutdownState);
  fastify.addHook('onSend', (request, reply, payload, done) => {
    // While draining, ask keep-alive clients to reconnect (through the load balancer, elsewhere).
    if (shutdown.isDraining()) void reply.header('connection', 'close');
    done(null, applyEtag(request, reply, payload));
  });
  fastify.addHook('onResponse', (request, reply, done) => {
    metrics.httpDuration.observe(
      {
        method: request.method,
        route: request.routeOptions.url ?? 'unmatched',
        status_code: String(reply.statusCode),
      },
      reply.elapsedTime / 1000,
    );
    logRequest(request, reply);
    done();
  });

  applyApiPrefix(app);
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new ProblemDetailsFilter());
  if (options.swagger) setupSwagger(app, options.version);
  return app;
}

function optional<T>(resolve: () => T): T | undefined {
  try {
    return resolve();
  } catch {
    return undefined;
  }
}
