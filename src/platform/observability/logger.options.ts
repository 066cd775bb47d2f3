import { Params } from 'nestjs-pino';
import { AppConfig } from '../config/app-config';
import { RequestContext } from '../request-context/request-context';
import { serializeError } from './safe-error';

/**
 * Everything that can carry a secret is redacted: credentials in headers,
 * passwords and tokens in any logged object. Errors are serialized by
 * `serializeError`, which drops the values database errors carry.
 */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["idempotency-key"]',
  'res.headers["set-cookie"]',
  '*.password',
  '*.refreshToken',
  '*.accessToken',
  '*.token',
  'password',
  'refreshToken',
  'accessToken',
  '*.parameters',
  '*.driverError',
];

/**
 * nestjs-pino builds the root pino logger from these options (level,
 * redaction, serializers). Request lines are written by `logRequest` from a
 * Fastify hook, so pino-http's middleware is bound to no route at all (and
 * createHttpApp tells Nest not to register @fastify/middie, whose hook ran on
 * every request only for that binding); log lines written while serving a
 * request carry its id through the `mixin` (RequestContext).
 */
export function loggerOptions(config: AppConfig): Params {
  return {
    forRoutes: [],
    pinoHttp: {
      level: config.logLevel,
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      autoLogging: false,
      mixin: () => {
        const requestId = RequestContext.current()?.requestId;
        return requestId ? { reqId: requestId } : {};
      },
      serializers: {
        req: (req: { id: string; method: string; url: string; remoteAddress?: string }) => ({
          id: req.id,
          method: req.method,
          url: req.url,
          remoteAddress: req.remoteAddress,
        }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
        // An allow-list: a database error keeps its code and SQL text, never its
        // message (which quotes values), parameters or driver error.
        err: serializeError,
      },
      base: { service: `hexashop-${config.role}` },
    },
  };
}
