import { CanActivate, Injectable, Logger, Type } from '@nestjs/common';
import { GUARDS_METADATA } from '@nestjs/common/constants';
import { ExecutionContextHost } from '@nestjs/core/helpers/execution-context-host';
import type { FastifyInstance, FastifyReply, FastifyRequest, RouteOptions } from 'fastify';
import { IS_PUBLIC } from '../auth/public.decorator';
import { ROLES } from '../auth/roles.decorator';
import { ClientThrottlerGuard } from '../throttling/client-throttler.guard';
import { etagOf, knownEtag } from './http-cache';
import { sendProblem } from './send-problem';

/** JSON text and ETag of bodies already sent, by body object (cached views are reused as is). */
const serialized = new WeakMap<object, { readonly json: string; readonly etag: string }>();

/** The prefix applyApiPrefix gives every API route. */
const API_PREFIX = '/api/v1/';

/**
 * A hot public read served without Nest's request pipeline (ADR 0044). The
 * route stays declared, documented and validated by its Nest controller
 * method; only the requests `accepts` takes skip Nest, every other request
 * (with a token, an odd parameter) goes through Nest exactly as before.
 */
export interface FastRoute {
  readonly method: 'GET';
  /** Path under /api/v1/, as in the controller (`products/:id`). */
  readonly path: string;
  /** The controller method that declares and documents the route (must be @Public, without @Roles). */
  readonly controller: Type<unknown>;
  readonly handler: string;
  /** Whether this request takes the fast path; decided before anything is counted or sent. */
  accepts(request: FastifyRequest): boolean;
  /** The response body, sent as Nest sends a handler's result; errors become problem+json. */
  serve(request: FastifyRequest, reply: FastifyReply): Promise<unknown>;
  /**
   * True when `serve` returns the same object for as long as it is cached (a
   * cached view): its JSON text and ETag are then computed once per object.
   * Leave unset when each call builds a new object (the memo would only hold
   * garbage longer).
   */
  readonly stableBody?: boolean;
}

/**
 * Registry of fast routes, applied by createHttpApp through Fastify's
 * onRoute hook when Nest registers the route. A fast request keeps every
 * Fastify hook (request id and context, security headers, input checks,
 * ETag/304, metrics, the request log line) and runs what Nest would run
 * for an anonymous caller of a public route: the rate limit guard, then the
 * method's own guard instances (e.g. @HttpCache), then the handler; errors
 * go to the same problem+json writer as ProblemDetailsFilter. Skipped:
 * Nest's router execution context (pipes, interceptor and exception
 * plumbing) and the authentication and roles guards, which let an
 * anonymous request to a public route through without doing anything.
 */
@Injectable()
export class FastRoutes {
  private readonly logger = new Logger('HTTP');
  private readonly routes = new Map<string, FastRoute>();

  constructor(private readonly throttler: ClientThrottlerGuard) {}

  /** Called from the route provider's constructor (before Nest registers routes). */
  register(route: FastRoute): void {
    this.routes.set(`${route.method} ${API_PREFIX}${route.path}`, route);
  }

  /** Fastify onRoute hook: wraps the handler Nest registers for a fast route. */
  wrap(options: RouteOptions): void {
    if (typeof options.method !== 'string') return;
    const route = this.routes.get(`${options.method} ${options.url}`);
    if (!route) return;
    const method = (route.controller.prototype as Record<string, unknown>)[route.handler];
    if (typeof method !== 'function') throw new Error(`fast route ${options.url}: no handler`);
    if (Reflect.getMetadata(IS_PUBLIC, method) !== true || Reflect.getMetadata(ROLES, method))
      throw new Error(`fast route ${options.url} must be @Public() and without @Roles()`);
    const guards = (Reflect.getMetadata(GUARDS_METADATA, method) ?? []) as unknown[];
    const own = guards.map((guard) => {
      if (typeof guard === 'function' || typeof (guard as CanActivate).canActivate !== 'function')
        throw new Error(`fast route ${options.url}: only guard instances can run outside Nest`);
      return guard as CanActivate;
    });
    const nest = options.handler;
    const throttler = this.throttler;
    const logger = this.logger;
    options.handler = async function fastRoute(
      this: FastifyInstance,
      request: FastifyRequest,
      reply: FastifyReply,
    ): Promise<unknown> {
      if (!route.accepts(request)) return nest.call(this, request, reply);
      try {
        const context = new ExecutionContextHost(
          [request, reply],
          route.controller,
          method as () => unknown,
        );
        await throttler.canActivate(context);
        for (const guard of own) await guard.canActivate(context);
        const body = await route.serve(request, reply);
        if (!route.stableBody || body === null || typeof body !== 'object') return reply.send(body);
        // A cached view is one object for as long as it is cached: serialise and hash it once.
        let sent = serialized.get(body);
        if (sent === undefined) {
          const json = JSON.stringify(body);
          sent = { json, etag: etagOf(json) };
          serialized.set(body, sent);
        }
        knownEtag(reply, sent.etag);
        // What Fastify sends for an object: the same bytes and content type.
        return reply.type('application/json; charset=utf-8').send(sent.json);
      } catch (error) {
        sendProblem(error, request, reply, logger);
        return reply;
      }
    };
  }
}
