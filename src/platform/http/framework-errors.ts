import { STATUS_CODES } from 'node:http';
import { NotFoundError } from '../../shared/kernel/not-found.error';
import { ValidationError } from '../../shared/kernel/validation.error';
import { toProblem } from './problem-details';

/**
 * Fastify's router errors as our own: a path parameter longer than
 * maxParamLength names no resource we could hold (ids are opaque), so it is
 * 404 like any unknown id; a path that is not valid percent-encoded UTF-8 is
 * 400 VALIDATION_FAILED. Anything else is left to the problem mapping.
 */
export function frameworkError(error: Error & { code?: string }): unknown {
  if (error.code === 'FST_ERR_MAX_PARAM_LENGTH') return new NotFoundError('Resource');
  if (error.code === 'FST_ERR_BAD_URL')
    return new ValidationError([
      { field: 'path', message: 'path must be valid percent-encoded UTF-8' },
    ]);
  return error;
}

/**
 * The raw HTTP/1.1 response to a request Node could not parse (it never
 * reached Fastify's routing): problem+json like every other error, then the
 * connection closes.
 */
export function clientErrorResponse(error: Error & { code?: string }): string {
  const withStatus = (statusCode: number, message: string): Error =>
    Object.assign(new Error(message), { statusCode });
  const cause =
    error.code === 'HPE_HEADER_OVERFLOW'
      ? withStatus(431, 'Request headers are too large')
      : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? withStatus(408, 'The request was not received in time')
        : new ValidationError([{ field: 'request', message: 'The HTTP request is malformed' }]);
  const { document } = toProblem(cause, '/');
  const body = JSON.stringify(document);
  return (
    `HTTP/1.1 ${document.status} ${STATUS_CODES[document.status] ?? ''}\r\n` +
    'Content-Type: application/problem+json; charset=utf-8\r\n' +
    `Content-Length: ${Buffer.byteLength(body)}\r\n` +
    'Connection: close\r\n\r\n' +
    body
  );
}
