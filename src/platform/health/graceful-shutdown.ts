import { INestApplication, Logger } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { isTransientInfrastructureError } from '../resilience/infrastructure-errors';
import { ShutdownState } from './shutdown-state';
import { safeErrorMessage } from '../observability/safe-error';

/** Extra time after the drain and the work budget for connections to close. */
const CLOSE_BUDGET_MS = 4_500;

export interface ShutdownOptions {
  /** How long readiness fails while requests are still served (API: SHUTDOWN_DRAIN_MS; the worker takes no traffic: 0). */
  readonly drainMs?: number;
  /** Stops this process's own work (worker: jobs and relay) after the drain. */
  readonly stopWork?: () => Promise<void>;
  /** Longest `stopWork` may take (the worker's WORKER_SHUTDOWN_GRACE_MS); counted into the forced-exit timer. */
  readonly workBudgetMs?: number;
}

/**
 * SIGTERM/SIGINT handling: readiness fails at once, requests are still served
 * for the drain (the balancer notices and stops sending), then the server
 * stops accepting and waits for in-flight requests, then `stopWork`, then Nest
 * closes Bull, Redis and the database. A timer forces the exit after
 * drain + work budget + 4.5 s if anything hangs.
 */
export function installGracefulShutdown(
  app: INestApplication,
  config: AppConfig,
  options: ShutdownOptions = {},
): void {
  const logger = new Logger('Shutdown');
  const drainMs = options.drainMs ?? config.shutdownDrainMs;
  const workBudgetMs = options.workBudgetMs ?? 0;
  let started = false;
  const shutdown = async (signal: string): Promise<void> => {
    if (started) return;
    started = true;
    app.get(ShutdownState).startDraining();
    logger.log(`${signal}: not ready, draining for ${drainMs} ms`);
    // Closing Bull and ioredis while a connection is still being made rejects
    // the commands queued on it ("Connection is closed") with nobody left to
    // await them; Node would turn that into exit code 1 mid-close. During the
    // shutdown such a connection error is expected and only logged.
    process.on('unhandledRejection', (reason: unknown) => {
      if (isTransientInfrastructureError(reason)) {
        logger.warn(`during shutdown: ${(reason as Error).message}`);
        return;
      }
      logger.error(`unhandled rejection during shutdown: ${String(reason)}`);
      process.exit(1);
    });
    setTimeout(
      () => {
        logger.error('shutdown took too long, exiting');
        process.exit(1);
      },
      drainMs + workBudgetMs + CLOSE_BUDGET_MS,
    ).unref();
    await new Promise((resolve) => setTimeout(resolve, drainMs));
    try {
      await options.stopWork?.();
      await app.close();
      logger.log('closed');
      process.exit(0);
    } catch (error) {
      logger.error(`shutdown failed: ${safeErrorMessage(error)}`);
      process.exit(1);
    }
  };
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.once('SIGINT', () => void shutdown('SIGINT'));
}
