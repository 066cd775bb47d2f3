import { AppConfig, DatabaseConfig, ProcessRole, SeedConfig } from './app-config';
import { ConfigError } from './config.error';
import { PersonalDataConfig } from './personal-data-config';
import { assertProductionSecrets } from './production-secrets';

/**
 * Reads the configuration for a process; on a bad or missing value prints one
 * line naming the variable and exits, before anything else starts.
 */
export function loadConfigOrExit(role: Exclude<ProcessRole, 'cli'>): AppConfig {
  return orExit(() => new AppConfig(role));
}

/** The database configuration alone (migrations, seed), or exit naming the bad variable. */
export function loadDatabaseConfigOrExit(): DatabaseConfig {
  return orExit(() => AppConfig.databaseFromEnv());
}

/** The database and personal-data keys (seed, key rotation, erasure replay), or exit naming the bad variable. */
export function loadPersonalDataConfigOrExit(): {
  database: DatabaseConfig;
  personalData: PersonalDataConfig;
} {
  return orExit(() => ({
    database: AppConfig.databaseFromEnv(),
    personalData: AppConfig.personalDataFromEnv(),
  }));
}

/** `db:seed`: the database and what to seed, or exit naming the bad variable. */
export function loadSeedConfigOrExit(): { database: DatabaseConfig; seed: SeedConfig } {
  return orExit(() => ({
    database: AppConfig.databaseFromEnv(),
    seed: AppConfig.seedFromEnv(),
  }));
}

/** CLI commands: with NODE_ENV=production, exit naming a demo or weak secret. */
export function assertProductionSecretsOrExit(checks: { jwt: boolean }): void {
  orExit(() => assertProductionSecrets(process.env, checks));
}

function orExit<T>(read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`Invalid configuration: ${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
}
