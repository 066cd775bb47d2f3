import { LoggerService } from '@nestjs/common';
import { FastifyReply, FastifyRequest } from 'fastify';
import { toProblem } from './problem-details';

/** Writes the problem document for `error` and logs what deserves a log. */
export function sendProblem(
  error: unknown,
  request: FastifyRequest,
  reply: FastifyReply,
  logger: LoggerService,
): void {
  const problem = toProblem(error, request.url.split('?')[0] ?? request.url, request.id);
  if (problem.unexpected) {
    logger.error({ err: error, reqId: request.id, code: problem.document.code }, 'request failed');
  }
  if (reply.sent) return;
  void reply
    .status(problem.document.status)
    .headers(problem.headers)
    .header('content-type', 'application/problem+json; charset=utf-8')
    .send(JSON.stringify(problem.document));
}
