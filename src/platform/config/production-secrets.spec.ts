import { AppConfig } from './app-config';
import { ConfigError } from './config.error';
import { assertProductionSecrets, KNOWN_DEMO_SECRETS } from './production-secrets';

type Env = Record<string, string | undefined>;

const key = (offset: number): string =>
  Buffer.from(Array.from({ length: 32 }, (_, i) => (i * 7 + offset) % 256)).toString('base64');
/** A secret someone generated (`openssl rand -base64 48` shape). */
const STRONG_SECRET = 'q8Zr1X0vKpN3yT7wLm2bC9dF4hJ6sA5eGuV+RiOo/lWkYxQz';
const STRONG_ADMIN = 'v9#Tq2!mZr7Kx';

const productionEnv = (overrides: Env = {}): Env => ({
  NODE_ENV: 'production',
  DATABASE_URL: 'mysql://shop:Xk29-vq81-Lm3z@db-primary:3306/hexashop',
  REDIS_URL: 'redis://redis:6379/0',
  JWT_SECRET: STRONG_SECRET,
  ADMIN_PASSWORD: STRONG_ADMIN,
  DATA_KEYS: `k1:${key(1)}`,
  BLIND_INDEX_KEY: key(3),
  ...overrides,
});

function refusal(env: Env, jwt = true): ConfigError {
  try {
    assertProductionSecrets(env, { jwt });
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('the secrets were accepted');
}

describe('production secrets (NODE_ENV=production)', () => {
  it('accepts generated secrets, and the API starts with them', () => {
    expect(() => assertProductionSecrets(productionEnv(), { jwt: true })).not.toThrow();
    expect(new AppConfig('api', productionEnv()).jwt.secret).toBe(STRONG_SECRET);
  });

  it.each([
    'demo-only-jwt-secret-do-not-use-in-production-0123456789',
    'test-secret-that-is-long-enough-0123456789',
    'CHANGE-ME-to-a-random-string-of-at-least-32-characters',
  ])('refuses the published JWT secret %s, naming JWT_SECRET without quoting it', (secret) => {
    const error = refusal(productionEnv({ JWT_SECRET: secret }));
    expect(error.variable).toBe('JWT_SECRET');
    expect(error.message).not.toContain(secret);
    // the API refuses to start with it
    expect(() => new AppConfig('api', productionEnv({ JWT_SECRET: secret }))).toThrow(ConfigError);
    expect(
      () => new AppConfig('worker', productionEnv({ JWT_SECRET: secret, SMTP_URL: 'smtp://m:25' })),
    ).toThrow(/JWT_SECRET/);
  });

  it('refuses a long JWT secret with few distinct characters', () => {
    expect(refusal(productionEnv({ JWT_SECRET: 'ab'.repeat(40) })).message).toMatch(
      /^JWT_SECRET is weak/,
    );
  });

  it.each(['Admin123!', 'CHANGE-ME', 'Password1234!', 'short1A!', 'alllowercaseletters'])(
    'refuses the admin password %s, naming ADMIN_PASSWORD',
    (password) => {
      const error = refusal(productionEnv({ ADMIN_PASSWORD: password }), false);
      expect(error.variable).toBe('ADMIN_PASSWORD');
      expect(error.message).not.toContain(password);
    },
  );

  it('refuses the compose demo database password, naming DATABASE_URL', () => {
    const env = productionEnv({
      DATABASE_URL: 'mysql://hexashop:hexashop-demo-password@mysql-primary:3306/hexashop',
    });
    expect(refusal(env, false).variable).toBe('DATABASE_URL');
  });

  it('lets every demo value through outside production (tests, local stack)', () => {
    for (const value of KNOWN_DEMO_SECRETS) {
      expect(() =>
        assertProductionSecrets(
          { NODE_ENV: 'test', JWT_SECRET: value, ADMIN_PASSWORD: value },
          { jwt: true },
        ),
      ).not.toThrow();
    }
  });
});
