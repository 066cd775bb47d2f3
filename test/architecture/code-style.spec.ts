import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';

const ROOT = join(__dirname, '..', '..');
const run = (bin: string, args: string[]) =>
  promisify(execFile)(process.execPath, [join(ROOT, 'node_modules', ...bin.split('/')), ...args], {
    cwd: ROOT,
    maxBuffer: 32 * 1024 * 1024,
  }).then(
    () => '',
    (error: { stdout?: string; stderr?: string }) => `${error.stdout ?? ''}${error.stderr ?? ''}`,
  );

describe('Code style', () => {
  jest.setTimeout(120_000);

  it('passes ESLint', async () => {
    expect(await run('eslint/bin/eslint.js', ['.', '--max-warnings', '0'])).toBe('');
  });

  it('is formatted with Prettier', async () => {
    expect(await run('prettier/bin/prettier.cjs', ['--check', '--log-level', 'warn', '.'])).toBe(
      '',
    );
  });
});
