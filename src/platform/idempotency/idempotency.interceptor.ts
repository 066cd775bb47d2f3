import {
  CallHandler,
  ExecutionContext,
  HttpStatus,
  Injectable,
  Logger,
  NestInterceptor,
} from '@nestjs/common';
import { HTTP_CODE_METADATA } from '@nestjs/common/constants';
import { Reflector } from '@nestjs/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { catchError, finalize, from, mergeMap, Observable, of, throwError } from 'rxjs';
import { UnauthorizedError } from '../../shared/kernel/unauthorized.error';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { serializeResponse } from './idempotency-claim';
import { IdempotencyInProgressError } from './idempotency-in-progress.error';
import { parseIdempotencyKey } from './idempotency-key';
import { IdempotencyKeyReusedError } from './idempotency-key-reused.error';
import { DatabaseTopology } from '../database/database-topology';
import { IdempotencyScope } from '../database/idempotency-scope';
import { withTimeout } from '../resilience/with-timeout';
import { IdempotencyStore } from './idempotency-store';
import { requestFingerprint } from './request-fingerprint';

export const IDEMPOTENT_REPLAYED_HEADER = 'idempotent-replayed';

/**
 * Applied by @Idempotent(): claims the caller's Idempotency-Key for this
 * route before the handler runs, puts the claim in IdempotencyScope for the
 * UnitOfWork to complete in the business transaction, and answers with the
 * stored JSON text, so the first response and every replay are the same bytes.
 * A failed request releases its claim (the client may retry with the key).
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  private readonly logger = new Logger(IdempotencyInterceptor.name);

  constructor(
    private readonly store: IdempotencyStore,
    private readonly reflector: Reflector,
    private readonly topology: DatabaseTopology,
  ) {}

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const http = context.switchToHttp();
    const request = http.getRequest<FastifyRequest & { user?: AuthenticatedUser }>();
    const reply = http.getResponse<FastifyReply>();
    const key = parseIdempotencyKey(request.headers['idempotency-key']);
    const userId = request.user?.id;
    if (!userId) throw new UnauthorizedError();
    const route = `${request.method} ${request.routeOptions.url ?? request.url.split('?')[0]}`;
    const statusCode =
      this.reflector.get<number | undefined>(HTTP_CODE_METADATA, context.getHandler()) ??
      (request.method === 'POST' ? HttpStatus.CREATED : HttpStatus.OK);

    // No writable primary: 503 before claiming (the claim would wait on a frozen node).
    this.topology.assertWritable();
    const outcome = await this.store.claim({
      userId,
      route,
      key,
      fingerprint: requestFingerprint(request.method, request.url, request.body),
      statusCode,
    });
    if (outcome.kind === 'mismatch') throw new IdempotencyKeyReusedError();
    if (outcome.kind === 'in-progress') throw new IdempotencyInProgressError();
    if (outcome.kind === 'replay') {
      if (outcome.statusCode !== statusCode) {
        this.logger.warn(
          `replaying ${route} stored with ${outcome.statusCode}, route sends ${statusCode}`,
        );
      }
      void reply.header(IDEMPOTENT_REPLAYED_HEADER, 'true');
      return of(IdempotencyInterceptor.send(reply, outcome.body));
    }

    const { claim } = outcome;
    // The claim's lease is short (IdempotencyStore.LEASE_MS): a request that runs longer keeps it.
    const renewal = setInterval(() => {
      withTimeout(this.store.renew(claim), IdempotencyStore.RENEW_EVERY_MS, 'claim renewal').catch(
        (error: Error) => this.logger.debug(`claim renewal failed: ${error.message}`),
      );
    }, IdempotencyStore.RENEW_EVERY_MS);
    renewal.unref();
    return IdempotencyScope.run(claim, () => next.handle()).pipe(
      finalize(() => clearInterval(renewal)),
      mergeMap(async (result: unknown) => {
        const body = await claim.finish(result);
        if (body !== serializeResponse(result)) {
          // The handler changed its result after the UnitOfWork stored it: the
          // stored one is sent, so that replays match the first response.
          this.logger.error(`${route} returned another body than its transaction stored`);
        }
        return IdempotencyInterceptor.send(reply, body);
      }),
      catchError((error: unknown) =>
        from(claim.release()).pipe(mergeMap(() => throwError(() => error))),
      ),
    );
  }

  /** JSON text goes out as is: Fastify does not serialise a string with a JSON content type. */
  private static send(reply: FastifyReply, body: string | null): string | undefined {
    if (body === null) return undefined;
    void reply.header('content-type', 'application/json; charset=utf-8');
    return body;
  }
}
