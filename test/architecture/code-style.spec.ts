import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
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

/** Every .ts file under `dir`, relative to the repository root. */
function sourceFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => relative(ROOT, join(entry.parentPath, entry.name)));
}

describe('Code style', () => {
  jest.setTimeout(120_000);

  it('passes ESLint', async () => {
    expect(await run('eslint/bin/eslint.js', ['.', '--max-warnings', '0'])).toBe('');
  });

  it('uses one singular suffix per role (the Swagger CLI plugin reads only .request.ts and .response.ts)', () => {
    const plural = sourceFiles('src').filter((file) =>
      /\.(?:requests|responses|dto|dtos)\.ts$/.test(file),
    );
    expect(plural).toEqual([]);
  });

  it('exports one class per file (ARCHITECTURE.md rule 2)', () => {
    const crowded = sourceFiles('src')
      .map((file) => ({
        file,
        classes:
          readFileSync(join(ROOT, file), 'utf8').match(/^export (?:abstract )?class /gm) ?? [],
      }))
      .filter(({ classes }) => classes.length > 1)
      .map(({ file, classes }) => `${file}: ${classes.length} exported classes`);
    expect(crowded).toEqual([]);
  });

  it('keeps application code in the folders of ARCHITECTURE.md (shared services in application/services/)', () => {
    const astray = sourceFiles('src/modules').filter(
      (file) =>
        file.includes('/application/') &&
        !/\/application\/(?:ports|commands|queries|services|events|testing)\//.test(file),
    );
    expect(astray).toEqual([]);
  });

  it('is formatted with Prettier', async () => {
    expect(await run('prettier/bin/prettier.cjs', ['--check', '--log-level', 'warn', '.'])).toBe(
      '',
    );
  });
});
