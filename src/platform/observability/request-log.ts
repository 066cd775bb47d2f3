import type { FastifyReply, FastifyRequest } from 'fastify';
import { PinoLogger } from 'nestjs-pino';

/** Paths never worth a log line: probes and scrapes run every few seconds. */
export const QUIET_PATHS = new Set(['/health/live', '/health/ready', '/metrics']);

/**
 * One JSON line per finished request, written from Fastify's onResponse hook
 * with the root pino logger: the same fields pino-http wrote (request id,
 * method, url, client address, status, response time) plus the protocol, without running
 * pino-http as Nest middleware on every request (ADR 0015: that path was a
 * quarter of a cached read's CPU). Redaction and serializers are the root
 * logger's, configured in logger.options.ts.
 */
export function logRequest(request: FastifyRequest, reply: FastifyReply): void {
  const root = PinoLogger.root;
  const path = request.url.split('?', 1)[0] ?? '';
  if (!root || QUIET_PATHS.has(path)) return;
  const status = reply.statusCode;
  const level = status >= 500 ? 'error' : status >= 400 ? 'warn' : 'info';
  if (!root.isLevelEnabled(level)) return;
  root[level](
    {
      // Shaped like a raw request for pino's request serializer (it reads the address from `info`).
      req: {
        id: request.id,
        method: request.method,
        url: request.url,
        info: { remoteAddress: request.ip },
      },
      // http or https as the client used it: from X-Forwarded-Proto when
      // TRUST_PROXY is set (behind HAProxy), else the socket's own.
      protocol: request.protocol,
      res: { statusCode: status, headersSent: true },
      responseTime: Math.round(reply.elapsedTime),
    },
    'request completed',
  );
}
