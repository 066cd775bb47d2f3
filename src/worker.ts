import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { loadConfigOrExit } from './platform/config/load-config';
import { installGracefulShutdown } from './platform/health/graceful-shutdown';
import { StartupState } from './platform/health/startup-state';
import { createHttpApp } from './platform/http/create-http-app';
import { OutboxRelay } from './platform/outbox/outbox-relay';
import { JobDrain } from './platform/queue/job-drain';
import { packageVersion } from './version';
import { WorkerModule } from './worker.module';

async function bootstrap(): Promise<void> {
  const config = loadConfigOrExit('worker');
  const app = await createHttpApp(WorkerModule.register(config), config, {
    swagger: false,
    version: packageVersion(),
  });
  const logger = new Logger('Shutdown');
  installGracefulShutdown(app, config, {
    // Nothing routes traffic to a worker: it stops taking jobs at SIGTERM.
    drainMs: 0,
    workBudgetMs: config.jobs.shutdownGraceMs,
    stopWork: async () => {
      const [, drained] = await Promise.all([
        app.get(OutboxRelay).stop(),
        app.get(JobDrain).drain(config.jobs.shutdownGraceMs),
      ]);
      logger.log(
        `jobs in flight at SIGTERM: ${drained.inFlight}, handed back: ${drained.handedBack}`,
      );
    },
  });
  await app.listen({ port: config.port, host: '0.0.0.0' });
  app.get(StartupState).markStarted();
  new Logger('Bootstrap').log(`worker running; health and metrics on :${config.port}`);
}

void bootstrap().catch((error: unknown) => {
  process.stderr.write(`worker failed to start: ${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
