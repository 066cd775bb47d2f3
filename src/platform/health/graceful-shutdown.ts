import { INestApplication, Logger } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { ShutdownState } from './shutdown-state';

/** Extra time after the drain for in-flight work and connections to close. */
const CLOSE_BUDGET_MS = 4_500;

/**
 * SIGTERM/SIGINT handling for a load-balanced instance: readiness fails at
 * once, requests are still served for SHUTDOWN_DRAIN_MS (the balancer notices
 * and stops sending), then the server stops accepting and waits for in-flight
 * requests, then `stopWork` (worker: relay and jobs), then Nest closes Bull,
 * Redis and the database. A timer forces the exit if anything hangs.
 */
export function installGracefulShutdown(
  app: INestApplication,
  config: AppConfig,
  stopWork: () => Promise<void> = async () => undefined,
): void {
  const logger = new Logger('Shutdown');
  let started = false;
  const shutdown = async (signal: string): Promise<void> => {
    if (started) return;
    started = true;
    app.get(ShutdownState).startDraining();
    logger.log(`${signal}: not ready, draining for ${config.shutdownDrainMs} ms`);
    setTimeout(() => {
      logger.error('shutdown took too long, exiting');
      process.exit(1);
    }, config.shutdownDrainMs + CLOSE_BUDGET_MS).unref();
    await new Promise((resolve) => setTimeout(resolve, config.shutdownDrainMs));
    try {
      await stopWork();
      await app.close();
      logger.log('closed');
      process.exit(0);
    } catch (error) {
      logger.error(`shutdown failed: ${(error as Error).message}`);
      process.exit(1);
    }
  };
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.once('SIGINT', () => void shutdown('SIGINT'));
}
