import { createHash } from 'node:crypto';
import { applyDecorators, CanActivate, ExecutionContext, UseGuards } from '@nestjs/common';
import { ApiHeader, ApiResponse } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';

export interface HttpCachePolicy {
  /** Seconds a browser or CDN may reuse an anonymous response without asking. */
  readonly maxAgeSeconds: number;
  /** Seconds a shared cache may serve it stale while it revalidates in the background. */
  readonly staleWhileRevalidateSeconds: number;
}

/** Marks a request whose 200 response gets an ETag and answers If-None-Match with 304. */
const ETAG_REQUEST = Symbol('hexashop.etag');
/** The ETag of the payload a fast route sends, computed once per cached body (fast-routes.ts). */
const KNOWN_ETAG = Symbol('hexashop.known-etag');

/** The strong ETag of exactly these bytes. */
export function etagOf(payload: string | Buffer): string {
  return `"${createHash('sha1').update(payload).digest('base64url')}"`;
}

/** Tells applyEtag the ETag of the payload about to be sent (it must be etagOf that payload). */
export function knownEtag(reply: FastifyReply, etag: string): void {
  (reply as unknown as Record<symbol, string>)[KNOWN_ETAG] = etag;
}

/**
 * Cacheable GET route: `Cache-Control` public for anonymous callers (a CDN
 * may cache it), private and revalidated for authenticated ones (an admin
 * sees hidden products); a strong ETag of the body and 304 on If-None-Match.
 */
export function HttpCache(policy: HttpCachePolicy): MethodDecorator {
  return applyDecorators(
    UseGuards(new HttpCacheHeaders(policy)),
    ApiHeader({
      name: 'If-None-Match',
      required: false,
      description: 'ETag of a copy the client holds; 304 when it is current',
    }),
    ApiResponse({
      status: 304,
      description:
        'Not modified: the copy with the ETag sent in If-None-Match is current (no body)',
    }),
  );
}

/**
 * Sets the caching headers of an HttpCache route and marks the request for
 * its ETag. A guard that always lets the request through rather than an
 * interceptor: it runs at the same point (after the global guards, before
 * the handler), but Nest wraps every interceptor call in an rxjs pipeline
 * and an AsyncResource, which cost about 6% of a cached read (see
 * docs/performance.md).
 */
export class HttpCacheHeaders implements CanActivate {
  private readonly publicPolicy: string;

  constructor(policy: HttpCachePolicy) {
    this.publicPolicy = `public, max-age=${policy.maxAgeSeconds}, stale-while-revalidate=${policy.staleWhileRevalidateSeconds}`;
  }

  canActivate(context: ExecutionContext): boolean {
    const http = context.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    (request as unknown as Record<symbol, boolean>)[ETAG_REQUEST] = true;
    void reply.header(
      'cache-control',
      request.headers.authorization ? 'private, no-cache' : this.publicPolicy,
    );
    void reply.header('vary', 'Authorization');
    return true;
  }
}

/**
 * Fastify onSend step for routes marked by HttpCache: tags a 200 body with
 * its ETag and turns it into a body-less 304 when the client's copy matches.
 * Works on the serialized payload, so the hash is of the exact bytes sent.
 */
export function applyEtag(request: FastifyRequest, reply: FastifyReply, payload: unknown): unknown {
  if (!(request as unknown as Record<symbol, boolean>)[ETAG_REQUEST] || reply.statusCode !== 200)
    return payload;
  if (typeof payload !== 'string' && !Buffer.isBuffer(payload)) return payload;
  const etag =
    (reply as unknown as Record<symbol, string | undefined>)[KNOWN_ETAG] ?? etagOf(payload);
  void reply.header('etag', etag);
  if (matches(request.headers['if-none-match'], etag)) {
    void reply.code(304);
    return '';
  }
  return payload;
}

/** If-None-Match uses weak comparison (RFC 9110 13.1.2): W/ prefixes are ignored. */
function matches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  return header.split(',').some((candidate) => candidate.trim().replace(/^W\//, '') === etag);
}
