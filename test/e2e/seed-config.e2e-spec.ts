import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { baseEnv } from '../support/app-process';

/** `npm run db:seed` reads its variables through AppConfig like the API and the worker (issue 13.7). */
describe('db:seed configuration (e2e)', () => {
  const seed = (env: Record<string, string | undefined>) =>
    spawnSync(process.execPath, [join(__dirname, '..', '..', 'dist', 'cli', 'seed.js')], {
      env: baseEnv(env),
      encoding: 'utf8',
      timeout: 60_000,
    });

  it.each([
    [
      'SEED_DEMO',
      { SEED_DEMO: 'maybe' },
      /^Invalid configuration: SEED_DEMO must be true or false/,
    ],
    ['SEED_PRODUCTS', { SEED_PRODUCTS: '-1' }, /^Invalid configuration: SEED_PRODUCTS must be/],
    [
      'ADMIN_PASSWORD',
      { ADMIN_EMAIL: 'admin@example.com', ADMIN_PASSWORD: 'short' },
      /^Invalid configuration: ADMIN_PASSWORD must be 8 to 72 characters/,
    ],
  ])('stops before touching the database with one line naming a bad %s', (_name, env, message) => {
    const result = seed({ ADMIN_EMAIL: undefined, ADMIN_PASSWORD: undefined, ...env });

    expect(result.status).toBe(1);
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(message);
    expect(result.stdout).toBe('');
  });

  it('SEED_DEMO=0 seeds the admin and skips the demo catalog', () => {
    const email = `seed-${randomUUID()}@example.com`;

    const result = seed({ ADMIN_EMAIL: email, ADMIN_PASSWORD: 'Seed-test-1234', SEED_DEMO: '0' });

    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('seed: admin account created from ADMIN_EMAIL/ADMIN_PASSWORD');
    expect(result.stdout).not.toContain('catalog');
  });
});
