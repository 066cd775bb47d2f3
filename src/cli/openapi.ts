import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { AppModule } from '../app.module';
import { AppConfig } from '../platform/config/app-config';
import { applyApiPrefix } from '../platform/http/create-http-app';
import { buildOpenApiDocument } from '../platform/http/swagger';
import { packageVersion } from '../version';

/**
 * Writes the API's OpenAPI document (what a running instance serves at
 * /docs-json) to the file named by the first argument, or to stdout. Nest
 * runs in preview mode: modules and routes are scanned, no provider is made,
 * so no database, Redis or secret is needed; the configuration below only has
 * to pass validation and is never used to connect.
 */
async function main(): Promise<void> {
  const key = (): string => randomBytes(32).toString('base64');
  const config = new AppConfig('api', {
    DATABASE_URL: 'mysql://openapi:openapi@127.0.0.1:9/openapi',
    REDIS_URL: 'redis://127.0.0.1:9/0',
    JWT_SECRET: randomBytes(32).toString('hex'),
    DATA_KEYS: `k1:${key()}`,
    BLIND_INDEX_KEY: key(),
  });
  const app = await NestFactory.create(AppModule.register(config), new FastifyAdapter(), {
    preview: true,
    logger: false,
  });
  applyApiPrefix(app);
  const json = `${JSON.stringify(buildOpenApiDocument(app, packageVersion()), null, 2)}\n`;
  const target = process.argv[2];
  if (target) {
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, json);
  } else {
    process.stdout.write(json);
  }
}

void main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`openapi: ${(error as Error).stack ?? String(error)}\n`);
    process.exit(1);
  },
);
