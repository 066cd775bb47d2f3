import {
  BadRequestException,
  HttpException,
  HttpStatus,
  InternalServerErrorException,
  NotFoundException,
  PayloadTooLargeException,
  UnauthorizedException,
} from '@nestjs/common';
import { DomainError } from '../../shared/kernel/domain-error';
import { ForbiddenError } from '../../shared/kernel/forbidden.error';
import { NotFoundError } from '../../shared/kernel/not-found.error';
import { RateLimitedError } from '../../shared/kernel/rate-limited.error';
import { ServiceUnavailableError } from '../../shared/kernel/service-unavailable.error';
import { UnauthorizedError } from '../../shared/kernel/unauthorized.error';
import { ValidationError } from '../../shared/kernel/validation.error';
import { TimeoutError } from '../resilience/timeout.error';
import { ERROR_CATALOG } from './error-catalog';
import { toProblem } from './problem-details';

/** Any domain error code, as a module would define it. */
class CodedError extends DomainError {
  constructor(
    readonly code: string,
    message = `failed with ${code}`,
  ) {
    super(message);
  }
}

/** The status table of CONTRACT.md ("Errors"). */
const CONTRACT_STATUS: Record<string, number> = {
  VALIDATION_FAILED: 400,
  IDEMPOTENCY_KEY_MISSING: 400,
  UNAUTHORIZED: 401,
  INVALID_CREDENTIALS: 401,
  REFRESH_TOKEN_REUSED: 401,
  FORBIDDEN: 403,
  REVIEW_NOT_ALLOWED: 403,
  NOT_FOUND: 404,
  EMAIL_TAKEN: 409,
  INSUFFICIENT_STOCK: 409,
  INSUFFICIENT_BALANCE: 409,
  INSUFFICIENT_POINTS: 409,
  PRODUCT_UNAVAILABLE: 409,
  COUPON_SOLD_OUT: 409,
  COUPON_ALREADY_ISSUED: 409,
  COUPON_NOT_USABLE: 409,
  ORDER_NOT_CANCELLABLE: 409,
  POINTS_ALREADY_SPENT: 409,
  BALANCE_LIMIT_EXCEEDED: 409,
  IDEMPOTENCY_IN_PROGRESS: 409,
  REVIEW_EXISTS: 409,
  IDEMPOTENCY_KEY_REUSED: 422,
  RATE_LIMITED: 429,
  SERVICE_UNAVAILABLE: 503,
};

const INSTANCE = '/api/v1/things';

describe(toProblem.name, () => {
  const sut = toProblem;

  describe('domain errors', () => {
    it.each(Object.entries(CONTRACT_STATUS))(
      'maps %s to %i as the contract says',
      (code, status) => {
        const problem = sut(new CodedError(code), INSTANCE);

        expect(problem.document.status).toBe(status);
        expect(problem.document.code).toBe(code);
        expect(problem.unexpected).toBe(false);
      },
    );

    it.each(Object.entries(ERROR_CATALOG))(
      'maps catalog code %s to its status and title',
      (code, entry) => {
        const problem = sut(new CodedError(code), INSTANCE);

        expect(problem.document).toMatchObject({ status: entry.status, title: entry.title, code });
      },
    );

    it.each([
      [new UnauthorizedError(), 401, 'UNAUTHORIZED'],
      [new ForbiddenError(), 403, 'FORBIDDEN'],
      [new NotFoundError('Order', 'o-1'), 404, 'NOT_FOUND'],
      [new RateLimitedError(3), 429, 'RATE_LIMITED'],
      [new ServiceUnavailableError(), 503, 'SERVICE_UNAVAILABLE'],
    ])('maps the kernel error %p', (error, status, code) => {
      expect(sut(error, INSTANCE).document).toMatchObject({ status, code });
    });

    it('builds an RFC 9457 document from the error, the path and the request id', () => {
      const problem = sut(new NotFoundError('Order', 'o-1'), '/api/v1/orders/o-1', 'req-7');

      expect(problem.document).toEqual({
        type: 'https://hexashop.dev/problems/not-found',
        title: ERROR_CATALOG.NOT_FOUND!.title,
        status: 404,
        detail: 'Order o-1 not found',
        code: 'NOT_FOUND',
        instance: '/api/v1/orders/o-1',
        requestId: 'req-7',
      });
      expect(problem.headers).toEqual({});
    });

    it('leaves requestId out when there is none', () => {
      expect(sut(new ForbiddenError(), INSTANCE).document).not.toHaveProperty('requestId');
    });

    it('carries the field errors of a ValidationError', () => {
      const errors = [
        { field: 'email', message: 'email must be an email address' },
        { field: 'items[0].quantity', message: 'quantity must be an integer' },
      ];

      const problem = sut(new ValidationError(errors), INSTANCE);

      expect(problem.document.status).toBe(400);
      expect(problem.document.errors).toEqual(errors);
    });

    it('has no errors member for other domain errors', () => {
      expect(sut(new CodedError('EMAIL_TAKEN'), INSTANCE).document).not.toHaveProperty('errors');
    });

    it.each([
      [3, '3'],
      [2.1, '3'],
      [0, '1'],
    ])(
      'sets retry-after for RateLimitedError(%p) to %s, whole seconds, at least 1',
      (seconds, header) => {
        expect(sut(new RateLimitedError(seconds), INSTANCE).headers).toEqual({
          'retry-after': header,
        });
      },
    );

    it('sets retry-after for ServiceUnavailableError', () => {
      expect(sut(new ServiceUnavailableError('down', 30), INSTANCE).headers).toEqual({
        'retry-after': '30',
      });
      expect(sut(new ServiceUnavailableError(), INSTANCE).headers['retry-after']).toBe('5');
    });

    it('answers an unknown domain code with 500 INTERNAL_ERROR flagged unexpected', () => {
      const problem = sut(new CodedError('SOMETHING_NEW'), INSTANCE);

      expect(problem.document.status).toBe(500);
      expect(problem.document.code).toBe('INTERNAL_ERROR');
      expect(problem.unexpected).toBe(true);
    });
  });

  describe('Nest HTTP exceptions', () => {
    it.each([
      [new NotFoundException('Cannot GET /nope'), 404, 'NOT_FOUND'],
      [new UnauthorizedException(), 401, 'UNAUTHORIZED'],
      [new PayloadTooLargeException(), 413, 'PAYLOAD_TOO_LARGE'],
      [
        new HttpException('ThrottlerException: Too Many Requests', HttpStatus.TOO_MANY_REQUESTS),
        429,
        'RATE_LIMITED',
      ],
    ])('maps %p by its status', (exception, status, code) => {
      const problem = sut(exception, INSTANCE);

      expect(problem.document).toMatchObject({ status, code });
      expect(problem.unexpected).toBe(false);
    });

    it('keeps the message of the exception as the detail', () => {
      expect(sut(new NotFoundException('Cannot GET /nope'), INSTANCE).document.detail).toBe(
        'Cannot GET /nope',
      );
    });

    it('tells a rate-limited client when to retry', () => {
      const problem = sut(new HttpException('Too Many Requests', 429), INSTANCE);

      expect(Number(problem.headers['retry-after'])).toBeGreaterThan(0);
    });

    it('turns another 4xx into VALIDATION_FAILED with a body error', () => {
      const problem = sut(
        new BadRequestException(['name must be a string', 'age must be an integer']),
        INSTANCE,
      );

      expect(problem.document).toMatchObject({ status: 400, code: 'VALIDATION_FAILED' });
      expect(problem.document.errors).toEqual([
        { field: 'body', message: 'name must be a string; age must be an integer' },
      ]);
    });

    it('turns a 5xx into INTERNAL_ERROR flagged unexpected', () => {
      const problem = sut(new InternalServerErrorException(), INSTANCE);

      expect(problem.document).toMatchObject({ status: 500, code: 'INTERNAL_ERROR' });
      expect(problem.unexpected).toBe(true);
    });
  });

  describe('framework and parser errors with a statusCode', () => {
    it('maps a Fastify-like {statusCode: 415} to UNSUPPORTED_MEDIA_TYPE', () => {
      const problem = sut({ statusCode: 415 }, INSTANCE);

      expect(problem.document).toMatchObject({ status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' });
      expect(problem.unexpected).toBe(false);
    });

    it('maps a body-too-large error to 413', () => {
      const error = Object.assign(new Error('Request body is too large'), {
        statusCode: 413,
        code: 'FST_ERR_CTP_BODY_TOO_LARGE',
      });

      expect(sut(error, INSTANCE).document).toMatchObject({
        status: 413,
        code: 'PAYLOAD_TOO_LARGE',
      });
    });

    it('maps a JSON parse error (400) to VALIDATION_FAILED with a body error', () => {
      const error = Object.assign(new SyntaxError('Unexpected token } in JSON at position 9'), {
        statusCode: 400,
      });

      const problem = sut(error, INSTANCE);

      expect(problem.document).toMatchObject({ status: 400, code: 'VALIDATION_FAILED' });
      expect(problem.document.errors).toEqual([{ field: 'body', message: error.message }]);
    });
  });

  describe('dependency outages', () => {
    it.each([
      ['a mysql2-like refused connection', { code: 'ECONNREFUSED' }],
      [
        'a TypeORM error wrapping a lost connection',
        { driverError: { code: 'PROTOCOL_CONNECTION_LOST' } },
      ],
      ['a timeout', new TimeoutError('redis get', 100)],
    ])('answers %s with 503 and retry-after', (_label, error) => {
      const problem = sut(error, INSTANCE);

      expect(problem.document).toMatchObject({ status: 503, code: 'SERVICE_UNAVAILABLE' });
      expect(Number(problem.headers['retry-after'])).toBeGreaterThan(0);
      expect(problem.unexpected).toBe(true);
    });
  });

  describe('anything else', () => {
    it('answers 500 with a generic detail that does not leak the message', () => {
      const error = new Error(
        "ER_BAD_FIELD_ERROR: Unknown column 'password_hash' in users at db-primary:3306",
      );

      const problem = sut(error, INSTANCE, 'req-1');

      expect(problem.document).toMatchObject({
        status: 500,
        code: 'INTERNAL_ERROR',
        requestId: 'req-1',
      });
      expect(problem.document.detail).not.toContain('password_hash');
      expect(JSON.stringify(problem.document)).not.toContain('db-primary');
      expect(problem.unexpected).toBe(true);
    });

    it.each([
      ['a string', 'boom'],
      ['null', null],
      ['undefined', undefined],
    ])('answers a thrown %s with 500', (_label, thrown) => {
      expect(sut(thrown, INSTANCE).document).toMatchObject({ status: 500, code: 'INTERNAL_ERROR' });
    });
  });
});
