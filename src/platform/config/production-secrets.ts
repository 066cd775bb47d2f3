import { ConfigError } from './config.error';

type Env = Record<string, string | undefined>;

/**
 * Values published in this repository (compose defaults, .env.example, the
 * Kubernetes secret example, the test and bench scripts): anyone can read
 * them, so a production process must not run with them.
 */
export const KNOWN_DEMO_SECRETS: readonly string[] = [
  'demo-only-jwt-secret-do-not-use-in-production-0123456789',
  'test-secret-that-is-long-enough-0123456789',
  'bench-secret-that-is-long-enough-0123456789abcdef',
  'CHANGE-ME-to-a-random-string-of-at-least-32-characters',
  'Admin123!',
  'CHANGE-ME',
  'hexashop-demo-password',
  'root-demo-password',
  'repl-demo-password',
  'hexashop',
];

/** Words that mark a placeholder, not a secret someone generated. */
const PLACEHOLDER =
  /demo|example|change-?me|changeit|placeholder|do-not-use|not-for-prod|secret-that-is|password|admin123|test-secret|letmein|qwerty/i;

function isKnownOrPlaceholder(value: string): boolean {
  return KNOWN_DEMO_SECRETS.includes(value) || PLACEHOLDER.test(value);
}

/**
 * `NODE_ENV=production`: refuses a known demo value or a weak secret, naming
 * the variable and never quoting the value. JWT_SECRET: at least 32
 * characters (checked for every environment) of which at least 16 distinct,
 * no placeholder. ADMIN_PASSWORD (when set): at least 12 characters, at
 * least 3 of lower case, upper case, digits and symbols, no placeholder.
 * The database password in DATABASE_URL must not be a published demo value.
 * Used by the API, the worker and the CLI (seed).
 */
export function assertProductionSecrets(env: Env, checks: { jwt: boolean }): void {
  if (env.NODE_ENV !== 'production') return;
  if (checks.jwt) {
    const secret = env.JWT_SECRET ?? '';
    if (isKnownOrPlaceholder(secret))
      throw new ConfigError(
        'JWT_SECRET',
        'is a known demo value: refused with NODE_ENV=production',
      );
    if (new Set(secret).size < 16)
      throw new ConfigError(
        'JWT_SECRET',
        'is weak (fewer than 16 distinct characters): refused with NODE_ENV=production; use e.g. `openssl rand -base64 48`',
      );
  }
  const admin = env.ADMIN_PASSWORD;
  if (admin !== undefined && admin !== '') {
    if (isKnownOrPlaceholder(admin))
      throw new ConfigError(
        'ADMIN_PASSWORD',
        'is a known demo value: refused with NODE_ENV=production',
      );
    const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(admin));
    if (admin.length < 12 || classes.length < 3)
      throw new ConfigError(
        'ADMIN_PASSWORD',
        'is weak (needs 12+ characters from 3 of: lower, upper, digits, symbols): refused with NODE_ENV=production',
      );
  }
  const databasePassword = passwordOf(env.DATABASE_URL);
  if (databasePassword !== undefined && isKnownOrPlaceholder(databasePassword))
    throw new ConfigError(
      'DATABASE_URL',
      'carries a known demo password: refused with NODE_ENV=production',
    );
}

function passwordOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const password = new URL(url).password;
    return password === '' ? undefined : decodeURIComponent(password);
  } catch {
    return undefined;
  }
}
