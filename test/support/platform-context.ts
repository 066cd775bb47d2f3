import { DynamicModule, Type } from '@nestjs/common';
import { Test, TestingModule } from '@nestjs/testing';
import { AppConfig } from '../../src/platform/config/app-config';
import { PlatformModule } from '../../src/platform/platform.module';
import { baseEnv } from './app-process';

/**
 * The real platform (config, MySQL primary + replica, Redis, metrics) wired
 * by Nest, for integration tests of adapters. Logs are silenced.
 */
export async function createPlatformContext(
  imports: Array<Type | DynamicModule> = [],
  env: Record<string, string> = {},
  role: 'api' | 'worker' = 'worker',
): Promise<TestingModule> {
  const config = new AppConfig(role, baseEnv({ LOG_LEVEL: 'silent', ...env }));
  const moduleRef = await Test.createTestingModule({
    imports: [PlatformModule.register(config), ...imports],
  }).compile();
  await moduleRef.init();
  return moduleRef;
}
