import { randomUUID } from 'node:crypto';
import { DynamicModule, RequestMethod } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { Logger } from 'nestjs-pino';
import { AppConfig } from '../config/app-config';
import { ShutdownState } from '../health/shutdown-state';
import { MetricsService } from '../observability/metrics.service';
import { logRequest } from '../observability/request-log';
import { ProblemDetailsFilter } from './problem-details.filter';
import { applyEtag } from './http-cache';
import { RequestContext } from './request-context';
import { securityHeaders } from './security-headers';
import { setupSwagger } from './swagger';
import { createValidationPipe } from './validation.pipe';

/** Largest accepted request body. */
export const BODY_LIMIT_BYTES = 100 * 1024;
const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * Builds a Nest application on Fastify with the HTTP platform every process
 * shares: request ids and request context, problem+json errors, validation,
 * metrics per route, security headers, the /api/v1 prefix and Swagger.
 */
export async function createHttpApp(
  module: DynamicModule,
  config: AppConfig,
  options: { swagger: boolean; version: string },
): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    bodyLimit: BODY_LIMIT_BYTES,
    trustProxy: config.trustProxy,
    requestIdHeader: false,
    genReqId: (request: { headers: Record<string, string | string[] | undefined> }) => {
      const header = request.headers['x-request-id'];
      return typeof header === 'string' && REQUEST_ID.test(header) ? header : randomUUID();
    },
    keepAliveTimeout: 65_000,
    return503OnClosing: true,
  });
  const fastify = adapter.getInstance();
  const security = securityHeaders();
  fastify.addHook('onRequest', (request, reply, done) => {
    (request.raw as { id?: string }).id = request.id;
    // Security headers on the raw response, where helmet puts them.
    for (const [name, value] of security.set) reply.raw.setHeader(name, value);
    for (const name of security.removed) reply.raw.removeHeader(name);
    void reply.header('x-request-id', request.id);
    RequestContext.run({ requestId: request.id, clientAddress: request.ip }, done);
  });

  const app = await NestFactory.create<NestFastifyApplication>(module, adapter, {
    bufferLogs: true,
  });
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

  app.setGlobalPrefix('api/v1', {
    exclude: [
      { path: 'health/live', method: RequestMethod.GET },
      { path: 'health/ready', method: RequestMethod.GET },
      { path: 'metrics', method: RequestMethod.GET },
    ],
  });
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new ProblemDetailsFilter());
  if (options.swagger) setupSwagger(app, options.version);
  return app;
}
