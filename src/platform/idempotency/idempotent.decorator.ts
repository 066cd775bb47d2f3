import { applyDecorators, UseInterceptors } from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';
import { IdempotencyInterceptor } from './idempotency.interceptor';

/**
 * Makes a POST route idempotent per caller and route with the required
 * `Idempotency-Key` header (ADR 0011). The route must write through one
 * outermost `UnitOfWork.run` whose work returns the response body: that value
 * is stored in the same transaction and replayed byte for byte (status and
 * body, plus `Idempotent-Replayed: true`) for the same key and request during
 * 24 h. Another request with the key gets 422 IDEMPOTENCY_KEY_REUSED; a
 * duplicate while the first runs gets 409 IDEMPOTENCY_IN_PROGRESS. Document
 * 400, 409 (IDEMPOTENCY_IN_PROGRESS among its codes) and 422 with ApiProblems.
 */
export function Idempotent(): MethodDecorator {
  return applyDecorators(
    ApiHeader({
      name: 'Idempotency-Key',
      required: true,
      description:
        '1..100 characters of A-Z a-z 0-9 _ - : . (a UUID is fine). Same key and same request within 24 h: ' +
        'the first response is replayed with `Idempotent-Replayed: true`.',
      schema: { type: 'string', pattern: '^[A-Za-z0-9_\\-:.]{1,100}$', maxLength: 100 },
    }),
    UseInterceptors(IdempotencyInterceptor),
  );
}
