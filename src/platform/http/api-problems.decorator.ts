import { applyDecorators } from '@nestjs/common';
import { ApiExtraModels, ApiResponse, getSchemaPath } from '@nestjs/swagger';
import { ProblemResponse } from './problem.response';

const DESCRIPTIONS: Record<number, string> = {
  400: 'VALIDATION_FAILED (with `errors`) or IDEMPOTENCY_KEY_MISSING',
  401: 'UNAUTHORIZED: missing, invalid, expired or revoked access token',
  403: 'FORBIDDEN: the caller lacks the role',
  404: 'NOT_FOUND',
  409: 'Conflict with the current state (see `code`)',
  413: 'PAYLOAD_TOO_LARGE',
  422: 'IDEMPOTENCY_KEY_REUSED: same key, different request',
  429: 'RATE_LIMITED (with Retry-After)',
  503: 'SERVICE_UNAVAILABLE (with Retry-After)',
};

/** Documents problem+json error responses; `codes` lists the 409 codes a route can return. */
export function ApiProblems(
  ...statuses: Array<number | { status: number; codes: string[] }>
): MethodDecorator {
  return applyDecorators(
    ApiExtraModels(ProblemResponse),
    ...statuses.map((entry) => {
      const status = typeof entry === 'number' ? entry : entry.status;
      const description = typeof entry === 'number' ? DESCRIPTIONS[status] : entry.codes.join(', ');
      return ApiResponse({
        status,
        description: description ?? 'Error',
        content: {
          'application/problem+json': { schema: { $ref: getSchemaPath(ProblemResponse) } },
        },
      });
    }),
  );
}
