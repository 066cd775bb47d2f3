import { AppConfig } from './app-config';
import { ConfigError } from './config.error';

type Env = Record<string, string | undefined>;

const SECRET = 'x'.repeat(32);
/** 32 distinct bytes, base64: a well-formed key. */
const key = (offset: number): string =>
  Buffer.from(Array.from({ length: 32 }, (_, i) => (i * 7 + offset) % 256)).toString('base64');

/** The smallest environment an API instance starts with. */
const apiEnv = (overrides: Env = {}): Env => ({
  DATABASE_URL: 'mysql://shop:pw@db-primary:3306/hexashop',
  REDIS_URL: 'redis://redis:6379/0',
  JWT_SECRET: SECRET,
  DATA_KEYS: `k1:${key(1)},k2:${key(2)}`,
  BLIND_INDEX_KEY: key(3),
  ...overrides,
});

const workerEnv = (overrides: Env = {}): Env =>
  apiEnv({ SMTP_URL: 'smtp://mail:1025', ...overrides });

function configError(read: () => unknown): ConfigError {
  try {
    read();
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('the configuration was accepted');
}

describe(AppConfig.name, () => {
  describe('defaults (CONTRACT.md, Configuration)', () => {
    let sut: AppConfig;

    beforeEach(() => {
      sut = new AppConfig('api', apiEnv());
    });

    it('listens on 3000 for the API and 3001 for the worker', () => {
      expect(sut.port).toBe(3000);
      expect(new AppConfig('worker', workerEnv()).port).toBe(3001);
    });

    it('uses 900 s access and 1209600 s refresh tokens', () => {
      expect(sut.jwt.accessTtlSeconds).toBe(900);
      expect(sut.jwt.refreshTtlSeconds).toBe(1_209_600);
    });

    it('limits 600 requests per minute and 5 failed logins', () => {
      expect(sut.rateLimitPerMinute).toBe(600);
      expect(sut.loginMaxFailures).toBe(5);
    });

    it('drains for 5000 ms and logs at info', () => {
      expect(sut.shutdownDrainMs).toBe(5000);
      expect(sut.logLevel).toBe('info');
    });

    it('sends mail from hexashop <no-reply@hexashop.local>', () => {
      expect(sut.mailFrom).toBe('hexashop <no-reply@hexashop.local>');
    });

    it('reads from the primary only when no replica is configured', () => {
      expect(sut.database.replicaUrls).toEqual([]);
    });

    it('needs no SMTP_URL for the API', () => {
      expect(sut.smtpUrl).toBeUndefined();
    });

    it('accepts returns for 14 days after delivery, or RETURN_WINDOW_DAYS', () => {
      expect(sut.returnWindowDays).toBe(14);
      expect(new AppConfig('api', apiEnv({ RETURN_WINDOW_DAYS: '30' })).returnWindowDays).toBe(30);
    });
  });

  describe('values from the environment', () => {
    it('reads every variable it is given', () => {
      const sut = new AppConfig(
        'api',
        apiEnv({
          PORT: '8080',
          JWT_ACCESS_TTL: '60',
          JWT_REFRESH_TTL: '3600',
          RATE_LIMIT_RPM: '0',
          LOGIN_MAX_FAILURES: '3',
          SHUTDOWN_DRAIN_MS: '0',
          LOG_LEVEL: 'debug',
          MAIL_FROM: 'shop <shop@example.com>',
        }),
      );

      expect(sut.port).toBe(8080);
      expect(sut.jwt).toMatchObject({
        secret: SECRET,
        accessTtlSeconds: 60,
        refreshTtlSeconds: 3600,
      });
      expect(sut.rateLimitPerMinute).toBe(0);
      expect(sut.loginMaxFailures).toBe(3);
      expect(sut.shutdownDrainMs).toBe(0);
      expect(sut.logLevel).toBe('debug');
      expect(sut.mailFrom).toBe('shop <shop@example.com>');
    });

    it('takes the database name from DATABASE_URL', () => {
      const sut = new AppConfig('api', apiEnv());

      expect(sut.database.database).toBe('hexashop');
      expect(sut.database.primaryUrl).toContain('db-primary:3306');
    });

    it('parses DATABASE_REPLICA_URLS as a comma-separated list, ignoring blanks', () => {
      const sut = new AppConfig(
        'api',
        apiEnv({
          DATABASE_REPLICA_URLS:
            ' mysql://ro:pw@replica1:3306/hexashop, ,mysql://ro:pw@replica2:3307/hexashop,',
        }),
      );

      expect(sut.database.replicaUrls.map((url) => new URL(url).host)).toEqual([
        'replica1:3306',
        'replica2:3307',
      ]);
    });

    it('treats an empty variable as unset', () => {
      const sut = new AppConfig('api', apiEnv({ PORT: '', DATABASE_REPLICA_URLS: '  ' }));

      expect(sut.port).toBe(3000);
      expect(sut.database.replicaUrls).toEqual([]);
    });

    it('keeps the SMTP_URL of the worker', () => {
      expect(new AppConfig('worker', workerEnv()).smtpUrl).toBe('smtp://mail:1025');
    });
  });

  describe('bad or missing configuration', () => {
    it.each(['DATABASE_URL', 'REDIS_URL', 'JWT_SECRET'])('requires %s', (name) => {
      const error = configError(() => new AppConfig('api', apiEnv({ [name]: undefined })));

      expect(error.variable).toBe(name);
      expect(error.message.startsWith(`${name} `)).toBe(true);
    });

    it('requires SMTP_URL for the worker only', () => {
      const error = configError(() => new AppConfig('worker', apiEnv()));

      expect(error.message.startsWith('SMTP_URL ')).toBe(true);
      expect(() => new AppConfig('api', apiEnv())).not.toThrow();
    });

    it('rejects a JWT_SECRET shorter than 32 characters', () => {
      const error = configError(() => new AppConfig('api', apiEnv({ JWT_SECRET: 'x'.repeat(31) })));

      expect(error.message.startsWith('JWT_SECRET ')).toBe(true);
      expect(error.message).not.toContain('x'.repeat(31));
    });

    it.each([
      ['PORT', 'eighty'],
      ['PORT', '70000'],
      ['PORT', '3000.5'],
      ['DATABASE_URL', 'not a url'],
      ['DATABASE_URL', 'postgres://u:p@db:5432/hexashop'],
      ['DATABASE_URL', 'mysql://u:p@db:3306'],
      ['DATABASE_REPLICA_URLS', 'mysql://ro@replica1:3306/hexashop,http://replica2'],
      ['REDIS_URL', 'http://redis:6379'],
      ['SMTP_URL', 'http://mail:25'],
      ['JWT_ACCESS_TTL', 'fifteen minutes'],
      ['JWT_ACCESS_TTL', '0'],
      ['JWT_REFRESH_TTL', '-1'],
      ['RATE_LIMIT_RPM', '-5'],
      ['LOGIN_MAX_FAILURES', '0'],
      ['SHUTDOWN_DRAIN_MS', 'soon'],
      ['LOG_LEVEL', 'verbose'],
      ['TRUST_PROXY', 'maybe'],
      ['RETURN_WINDOW_DAYS', '0'],
      ['RETURN_WINDOW_DAYS', '366'],
      ['RETURN_WINDOW_DAYS', 'two weeks'],
    ])('rejects %s=%j with a ConfigError that starts with the variable name', (name, value) => {
      const error = configError(() => new AppConfig('worker', workerEnv({ [name]: value })));

      expect(error.variable).toBe(name);
      expect(error.message.startsWith(`${name} `)).toBe(true);
    });
  });

  describe('personal-data keys (DATA_KEYS, DATA_KEY_ACTIVE, BLIND_INDEX_KEY)', () => {
    it('reads the ring, takes the first key as active and derives the vault schema', () => {
      const sut = new AppConfig('api', apiEnv()).personalData;

      expect([...sut.keys.keys()]).toEqual(['k1', 'k2']);
      expect(sut.keys.get('k2')).toEqual(Buffer.from(key(2), 'base64'));
      expect(sut.activeKeyId).toBe('k1');
      expect(sut.blindIndexKey).toEqual(Buffer.from(key(3), 'base64'));
      expect(sut.keySchema).toBe('hexashop_keys');
    });

    it('takes DATA_KEY_ACTIVE and MEMBER_KEYS_SCHEMA when given, and base64url keys', () => {
      const sut = new AppConfig(
        'api',
        apiEnv({
          DATA_KEYS: `k1:${key(1)}, k2:${Buffer.from(key(2), 'base64').toString('base64url')}`,
          DATA_KEY_ACTIVE: 'k2',
          MEMBER_KEYS_SCHEMA: 'vault',
        }),
      ).personalData;

      expect(sut.activeKeyId).toBe('k2');
      expect(sut.keys.get('k2')).toEqual(Buffer.from(key(2), 'base64'));
      expect(sut.keySchema).toBe('vault');
    });

    it.each([
      ['DATA_KEYS', { DATA_KEYS: undefined }],
      ['DATA_KEYS', { DATA_KEYS: 'k1' }],
      ['DATA_KEYS', { DATA_KEYS: `bad id!:${key(1)}` }],
      ['DATA_KEYS', { DATA_KEYS: 'k1:not base64 at all' }],
      ['DATA_KEYS', { DATA_KEYS: `k1:${Buffer.alloc(16, 1).toString('base64')}` }],
      ['DATA_KEYS', { DATA_KEYS: `k1:${Buffer.alloc(32, 0).toString('base64')}` }],
      ['DATA_KEYS', { DATA_KEYS: `k1:${key(1)},k1:${key(2)}` }],
      ['DATA_KEY_ACTIVE', { DATA_KEY_ACTIVE: 'k9' }],
      ['BLIND_INDEX_KEY', { BLIND_INDEX_KEY: undefined }],
      ['BLIND_INDEX_KEY', { BLIND_INDEX_KEY: 'short' }],
      ['BLIND_INDEX_KEY', { BLIND_INDEX_KEY: key(2) }],
      ['MEMBER_KEYS_SCHEMA', { MEMBER_KEYS_SCHEMA: 'hexashop' }],
      ['MEMBER_KEYS_SCHEMA', { MEMBER_KEYS_SCHEMA: 'a-b' }],
    ])('stops on a bad %s with one message naming it and no key material', (variable, change) => {
      const env = apiEnv(change as Env);
      const error = configError(() => new AppConfig('worker', { ...env, SMTP_URL: 'smtp://m:25' }));

      expect(error.variable).toBe(variable);
      expect(error.message.startsWith(`${variable} `)).toBe(true);
      expect(error.message).not.toContain(key(1));
      expect(error.message).not.toContain(key(2));
      expect(error.message.split('\n')).toHaveLength(1);
    });

    it('are read on their own for commands (personalDataFromEnv)', () => {
      const sut = AppConfig.personalDataFromEnv({
        DATABASE_URL: 'mysql://u:p@db:3306/shop',
        DATA_KEYS: `a:${key(5)}`,
        BLIND_INDEX_KEY: key(6),
      });

      expect(sut.activeKeyId).toBe('a');
      expect(sut.keySchema).toBe('shop_keys');
    });
  });

  describe('databaseFromEnv', () => {
    it('needs only the database variables (migrations and seed)', () => {
      const sut = AppConfig.databaseFromEnv({ DATABASE_URL: 'mysql://u:p@db:3306/shop' });

      expect(sut.database).toBe('shop');
      expect(sut.replicaUrls).toEqual([]);
    });

    it('fails naming DATABASE_URL when it is missing', () => {
      expect(configError(() => AppConfig.databaseFromEnv({})).variable).toBe('DATABASE_URL');
    });
  });

  describe('seedFromEnv (db:seed)', () => {
    const seedEnv = (overrides: Env = {}): Env => ({
      DATABASE_URL: 'mysql://shop:pw@db-primary:3306/hexashop',
      ...overrides,
    });

    it('seeds the demo catalog of 1,000 products and no admin by default', () => {
      expect(AppConfig.seedFromEnv(seedEnv())).toEqual({ admin: null, demo: true, products: 1000 });
    });

    it('reads the admin, SEED_DEMO and SEED_PRODUCTS', () => {
      const sut = AppConfig.seedFromEnv(
        seedEnv({
          ADMIN_EMAIL: ' Admin@Example.com ',
          ADMIN_PASSWORD: ' pass with spaces ',
          SEED_DEMO: 'false',
          SEED_PRODUCTS: '100000',
        }),
      );

      expect(sut).toEqual({
        admin: { email: 'admin@example.com', password: ' pass with spaces ' },
        demo: false,
        products: 100_000,
      });
    });

    it.each(['0', 'no', 'FALSE'])('turns the demo catalog off with SEED_DEMO=%s', (value) => {
      expect(AppConfig.seedFromEnv(seedEnv({ SEED_DEMO: value })).demo).toBe(false);
    });

    it.each([
      ['SEED_DEMO', { SEED_DEMO: 'maybe' }, 'SEED_DEMO must be true or false, got "maybe"'],
      ['SEED_PRODUCTS', { SEED_PRODUCTS: 'many' }, 'SEED_PRODUCTS must be an integer, got "many"'],
      [
        'SEED_PRODUCTS',
        { SEED_PRODUCTS: '1000001' },
        'SEED_PRODUCTS must be between 0 and 1000000, got 1000001',
      ],
      [
        'ADMIN_PASSWORD',
        { ADMIN_EMAIL: 'a@b.c' },
        'ADMIN_PASSWORD is required when ADMIN_EMAIL is set',
      ],
      [
        'ADMIN_EMAIL',
        { ADMIN_PASSWORD: 'long enough' },
        'ADMIN_EMAIL is required when ADMIN_PASSWORD is set',
      ],
      [
        'ADMIN_EMAIL',
        { ADMIN_EMAIL: 'admin', ADMIN_PASSWORD: 'long enough' },
        'ADMIN_EMAIL must be an e-mail address (name@domain)',
      ],
      [
        'ADMIN_PASSWORD',
        { ADMIN_EMAIL: 'a@b.c', ADMIN_PASSWORD: 'short' },
        'ADMIN_PASSWORD must be 8 to 72 characters, got 5',
      ],
    ])('refuses a bad %s, naming it', (variable, env, message) => {
      const error = configError(() => AppConfig.seedFromEnv(seedEnv(env)));
      expect(error.variable).toBe(variable);
      expect(error.message).toBe(message);
    });

    it('refuses a demo ADMIN_PASSWORD with NODE_ENV=production, like the API refuses demo secrets', () => {
      const error = configError(() =>
        AppConfig.seedFromEnv(
          seedEnv({ NODE_ENV: 'production', ADMIN_EMAIL: 'a@b.c', ADMIN_PASSWORD: 'Admin123!' }),
        ),
      );
      expect(error.variable).toBe('ADMIN_PASSWORD');
    });

    it('is not read by the API or the worker, which never seed', () => {
      expect(() => new AppConfig('api', apiEnv({ SEED_DEMO: 'maybe' }))).not.toThrow();
    });
  });
});
