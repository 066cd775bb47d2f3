import { HttpException } from '@nestjs/common';
import { DomainError } from '../../shared/kernel/domain-error';
import { RateLimitedError } from '../../shared/kernel/rate-limited.error';
import { ServiceUnavailableError } from '../../shared/kernel/service-unavailable.error';
import { FieldError, ValidationError } from '../../shared/kernel/validation.error';
import { isTransientInfrastructureError } from '../resilience/infrastructure-errors';
import { ERROR_CATALOG } from './error-catalog';

/** RFC 9457 problem document, with the contract's `code` and field `errors`. */
export interface ProblemDocument {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  instance: string;
  requestId?: string;
  errors?: FieldError[];
}

export interface Problem {
  readonly document: ProblemDocument;
  readonly headers: Record<string, string>;
  /** True when the error is a bug or an outage worth an error-level log. */
  readonly unexpected: boolean;
}

const HTTP_STATUS_CODES: Record<number, string> = {
  400: 'VALIDATION_FAILED',
  401: 'UNAUTHORIZED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'NOT_FOUND',
  408: 'REQUEST_TIMEOUT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  431: 'REQUEST_HEADERS_TOO_LARGE',
  429: 'RATE_LIMITED',
  503: 'SERVICE_UNAVAILABLE',
};

function build(
  code: string,
  detail: string,
  instance: string,
  extra: Partial<ProblemDocument> = {},
): ProblemDocument {
  const entry = ERROR_CATALOG[code] ?? ERROR_CATALOG.INTERNAL_ERROR!;
  return {
    type: `https://hexashop.dev/problems/${code.toLowerCase().replace(/_/g, '-')}`,
    title: entry.title,
    status: entry.status,
    detail,
    code,
    instance,
    ...extra,
  };
}

function httpExceptionDetail(exception: HttpException): string {
  const response = exception.getResponse();
  if (typeof response === 'string') return response;
  const message = (response as { message?: unknown }).message;
  if (Array.isArray(message)) return message.join('; ');
  return typeof message === 'string' ? message : exception.message;
}

/**
 * Turns anything thrown while serving a request into a problem document:
 * domain errors by their code, framework and parser errors by their status,
 * dependency outages as 503, anything else as 500 without internals.
 */
export function toProblem(error: unknown, instance: string, requestId?: string): Problem {
  const base = requestId ? { requestId } : {};
  if (error instanceof DomainError) {
    const known = ERROR_CATALOG[error.code] !== undefined;
    const headers: Record<string, string> = {};
    if (error instanceof RateLimitedError || error instanceof ServiceUnavailableError) {
      headers['retry-after'] = String(Math.max(1, Math.ceil(error.retryAfterSeconds)));
    }
    const errors = error instanceof ValidationError ? { errors: [...error.errors] } : {};
    return {
      document: build(known ? error.code : 'INTERNAL_ERROR', error.message, instance, {
        ...base,
        ...errors,
      }),
      headers,
      unexpected: !known,
    };
  }
  if (error instanceof HttpException) {
    const status = error.getStatus();
    const code =
      HTTP_STATUS_CODES[status] ?? (status >= 500 ? 'INTERNAL_ERROR' : 'VALIDATION_FAILED');
    const detail = httpExceptionDetail(error);
    const errors =
      code === 'VALIDATION_FAILED' ? { errors: [{ field: 'body', message: detail }] } : {};
    const headers: Record<string, string> =
      code === 'RATE_LIMITED'
        ? { 'retry-after': '60' }
        : code === 'SERVICE_UNAVAILABLE'
          ? { 'retry-after': '5' }
          : {};
    return {
      document: build(code, detail, instance, { ...base, ...errors }),
      headers,
      unexpected: status >= 500,
    };
  }
  if (isTransientInfrastructureError(error)) {
    return {
      document: build(
        'SERVICE_UNAVAILABLE',
        'A dependency is unavailable, try again shortly',
        instance,
        base,
      ),
      headers: { 'retry-after': '5' },
      unexpected: true,
    };
  }
  // Fastify's own errors (body parsing, content type, size) carry a statusCode.
  const status = (error as { statusCode?: unknown } | null)?.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    const code = HTTP_STATUS_CODES[status] ?? 'VALIDATION_FAILED';
    const message = error instanceof Error ? error.message : 'Bad request';
    const errors = code === 'VALIDATION_FAILED' ? { errors: [{ field: 'body', message }] } : {};
    return {
      document: build(code, message, instance, { ...base, ...errors }),
      headers: {},
      unexpected: false,
    };
  }
  return {
    document: build('INTERNAL_ERROR', 'An unexpected error occurred', instance, base),
    headers: {},
    unexpected: true,
  };
}
