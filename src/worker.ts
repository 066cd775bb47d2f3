import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { loadConfigOrExit } from './platform/config/load-config';
import { installGracefulShutdown } from './platform/health/graceful-shutdown';
import { StartupState } from './platform/health/startup-state';
import { createHttpApp } from './platform/http/create-http-app';
import { OutboxRelay } from './platform/outbox/outbox-relay';
import { QueueMonitor } from './platform/queue/queue-monitor';
import { ALL_QUEUES } from './platform/queue/queue-names';
import { packageVersion } from './version';
import { WorkerModule } from './worker.module';

async function bootstrap(): Promise<void> {
  const config = loadConfigOrExit('worker');
  const app = await createHttpApp(WorkerModule.register(config), config, {
    swagger: false,
    version: packageVersion(),
  });
  installGracefulShutdown(app, config, async () => {
    // Stop feeding work, then let running jobs finish, before connections close.
    await app.get(OutboxRelay).stop();
    const monitor = app.get(QueueMonitor);
    await Promise.all(ALL_QUEUES.map((name) => monitor.queue(name).close()));
  });
  await app.listen({ port: config.port, host: '0.0.0.0' });
  app.get(StartupState).markStarted();
  new Logger('Bootstrap').log(`worker running; health and metrics on :${config.port}`);
}

void bootstrap().catch((error: unknown) => {
  process.stderr.write(`worker failed to start: ${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
