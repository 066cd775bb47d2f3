import { ConfigError } from './config.error';
import { EnvReader } from './env-reader';
import { PersonalDataConfig, readPersonalDataConfig } from './personal-data-config';
import { assertProductionSecrets } from './production-secrets';

/** Which executable reads the configuration: some variables only matter to one of them. */
export type ProcessRole = 'api' | 'worker' | 'cli';

export interface DatabaseConfig {
  readonly primaryUrl: string;
  readonly replicaUrls: readonly string[];
  readonly database: string;
  readonly poolSize: number;
}

/** What `db:seed` creates: read by the CLI through AppConfig like every other variable. */
export interface SeedConfig {
  /** ADMIN_EMAIL (lower-cased) and ADMIN_PASSWORD; null when neither is set (no admin is created). */
  readonly admin: { readonly email: string; readonly password: string } | null;
  /** SEED_DEMO (default true): whether the demo catalog is seeded. */
  readonly demo: boolean;
  /** SEED_PRODUCTS (default 1,000): how many products the demo catalog holds. */
  readonly products: number;
}

/** An admin password is hashed with bcrypt-compatible limits: at most 72 bytes count. */
const ADMIN_PASSWORD_LENGTH = { min: 8, max: 72 } as const;
const EMAIL_SHAPE = /^[^\s@]+@[^\s@]+$/;

/**
 * The whole configuration, read from the environment once at start and
 * validated: a bad or missing value throws a ConfigError naming the variable.
 */
export class AppConfig {
  readonly port: number;
  readonly database: DatabaseConfig;
  readonly redisUrl: string;
  readonly smtpUrl: string | undefined;
  readonly mailFrom: string;
  readonly jwt: {
    readonly secret: string;
    readonly accessTtlSeconds: number;
    readonly refreshTtlSeconds: number;
    readonly issuer: string;
    readonly audience: string;
  };
  readonly rateLimitPerMinute: number;
  readonly loginMaxFailures: number;
  readonly shutdownDrainMs: number;
  readonly logLevel: string;
  readonly trustProxy: boolean;
  readonly jobs: {
    readonly attempts: number;
    readonly backoffMs: number;
    /** How often the worker sweeps expired user coupons. */
    readonly couponExpiryEveryMs: number;
    /** How often the worker deletes expired idempotency records and old outbox events. */
    readonly purgeEveryMs: number;
    /** Bull's job lock: a job whose worker stops renewing it is redelivered after this (stalled check every half). */
    readonly lockMs: number;
    /** An event not delivered this long after its last look is checked again and its missing jobs re-added. */
    readonly redeliveryMs: number;
    /** Worker: how long jobs in flight may finish after SIGTERM before they are handed back. */
    readonly shutdownGraceMs: number;
  };
  readonly personalData: PersonalDataConfig;
  /** RETURN_WINDOW_DAYS (default 14, 1..365): days after delivery within which a return may be requested. */
  readonly returnWindowDays: number;

  /** Only the database part, for the migration and seed commands. */
  static databaseFromEnv(env: Record<string, string | undefined> = process.env): DatabaseConfig {
    const read = new EnvReader(env);
    const primary = read.url('DATABASE_URL', ['mysql:', 'mariadb:']);
    const database = decodeURIComponent(primary.pathname.replace(/^\//, ''));
    if (!database)
      throw new ConfigError(
        'DATABASE_URL',
        'has no database name (mysql://user:pass@host:port/db)',
      );
    return {
      primaryUrl: primary.toString(),
      replicaUrls: read.urlList('DATABASE_REPLICA_URLS', ['mysql:', 'mariadb:']).map(String),
      database,
      poolSize: read.int('DB_POOL_SIZE', 20, 1, 500),
    };
  }

  /**
   * What `db:seed` creates (the CLI's part; the API and the worker never use
   * it). A bad value throws a ConfigError naming the variable; with
   * NODE_ENV=production a demo or weak ADMIN_PASSWORD is refused too.
   */
  static seedFromEnv(env: Record<string, string | undefined> = process.env): SeedConfig {
    const read = new EnvReader(env);
    assertProductionSecrets(env, { jwt: false });
    const email = read.optionalString('ADMIN_EMAIL')?.toLowerCase();
    const password = read.optionalSecret('ADMIN_PASSWORD');
    if (email !== undefined && password === undefined)
      throw new ConfigError('ADMIN_PASSWORD', 'is required when ADMIN_EMAIL is set');
    if (password !== undefined && email === undefined)
      throw new ConfigError('ADMIN_EMAIL', 'is required when ADMIN_PASSWORD is set');
    if (email !== undefined && !EMAIL_SHAPE.test(email))
      throw new ConfigError('ADMIN_EMAIL', 'must be an e-mail address (name@domain)');
    const { min, max } = ADMIN_PASSWORD_LENGTH;
    if (password !== undefined && (password.length < min || password.length > max))
      throw new ConfigError(
        'ADMIN_PASSWORD',
        `must be ${min} to ${max} characters, got ${password.length}`,
      );
    return {
      admin: email !== undefined && password !== undefined ? { email, password } : null,
      demo: read.bool('SEED_DEMO', true),
      products: read.int('SEED_PRODUCTS', 1000, 0, 1_000_000),
    };
  }

  constructor(
    readonly role: Exclude<ProcessRole, 'cli'>,
    env: Record<string, string | undefined> = process.env,
  ) {
    const read = new EnvReader(env);
    this.port = read.int('PORT', role === 'worker' ? 3001 : 3000, 0, 65535);

    this.database = AppConfig.databaseFromEnv(env);

    this.redisUrl = read.url('REDIS_URL', ['redis:', 'rediss:']).toString();
    const smtp = read.optionalString('SMTP_URL');
    if (role === 'worker' && smtp === undefined)
      throw new ConfigError('SMTP_URL', 'is required for the worker');
    this.smtpUrl =
      smtp === undefined ? undefined : read.url('SMTP_URL', ['smtp:', 'smtps:'], smtp).toString();
    this.mailFrom = read.string('MAIL_FROM', 'hexashop <no-reply@hexashop.local>');

    const secret = read.string('JWT_SECRET');
    if (secret.length < 32) throw new ConfigError('JWT_SECRET', 'must be at least 32 characters');
    assertProductionSecrets(env, { jwt: true });
    this.jwt = {
      secret,
      accessTtlSeconds: read.int('JWT_ACCESS_TTL', 900, 10, 86_400),
      refreshTtlSeconds: read.int('JWT_REFRESH_TTL', 1_209_600, 60, 31_536_000),
      issuer: 'hexashop',
      audience: 'hexashop-api',
    };
    this.rateLimitPerMinute = read.int('RATE_LIMIT_RPM', 600, 0);
    this.loginMaxFailures = read.int('LOGIN_MAX_FAILURES', 5, 1);
    this.shutdownDrainMs = read.int('SHUTDOWN_DRAIN_MS', 5000, 0, 600_000);
    this.logLevel = read.oneOf(
      'LOG_LEVEL',
      ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'],
      'info',
    );
    this.trustProxy = read.bool('TRUST_PROXY', false);
    this.jobs = {
      attempts: read.int('JOB_ATTEMPTS', 5, 1, 50),
      backoffMs: read.int('JOB_BACKOFF_MS', 1000, 1, 3_600_000),
      couponExpiryEveryMs: read.int('COUPON_EXPIRY_EVERY_MS', 60_000, 100, 86_400_000),
      purgeEveryMs: read.int('PURGE_EVERY_MS', 3_600_000, 100, 86_400_000),
      lockMs: read.int('JOB_LOCK_MS', 30_000, 1_000, 600_000),
      redeliveryMs: read.int('OUTBOX_REDELIVERY_MS', 30_000, 1_000, 3_600_000),
      shutdownGraceMs: read.int('WORKER_SHUTDOWN_GRACE_MS', 20_000, 0, 3_600_000),
    };
    this.personalData = readPersonalDataConfig(env, this.database.database);
    this.returnWindowDays = read.int('RETURN_WINDOW_DAYS', 14, 1, 365);
  }

  /** The personal-data keys alone (commands that encrypt, rotate or erase), or a ConfigError. */
  static personalDataFromEnv(
    env: Record<string, string | undefined> = process.env,
  ): PersonalDataConfig {
    return readPersonalDataConfig(env, AppConfig.databaseFromEnv(env).database);
  }
}
