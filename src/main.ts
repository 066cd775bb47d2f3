import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { AppModule } from './app.module';
import { loadConfigOrExit } from './platform/config/load-config';
import { installGracefulShutdown } from './platform/health/graceful-shutdown';
import { StartupState } from './platform/health/startup-state';
import { createHttpApp } from './platform/http/create-http-app';
import { packageVersion } from './version';

async function bootstrap(): Promise<void> {
  const config = loadConfigOrExit('api');
  const app = await createHttpApp(AppModule.register(config), config, {
    swagger: true,
    version: packageVersion(),
  });
  installGracefulShutdown(app, config);
  await app.listen({ port: config.port, host: '0.0.0.0' });
  app.get(StartupState).markStarted();
  new Logger('Bootstrap').log(`API listening on :${config.port} (Swagger UI at /docs)`);
}

void bootstrap().catch((error: unknown) => {
  process.stderr.write(`API failed to start: ${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
