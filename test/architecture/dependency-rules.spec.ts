import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';

const ROOT = join(__dirname, '..', '..');
const CLI = join(ROOT, 'node_modules', 'dependency-cruiser', 'bin', 'dependency-cruise.mjs');

interface Violation {
  rule: { name: string };
  from: string;
  to: string;
}

/** Runs dependency-cruiser (ESM-only, so as a process) with the project's rules. */
async function violations(paths: string[]): Promise<Violation[]> {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    [CLI, ...paths, '--config', '.dependency-cruiser.cjs', '--output-type', 'json'],
    { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 },
  ).catch((error: { stdout?: string }) => ({ stdout: error.stdout ?? '' }));
  return (JSON.parse(stdout) as { summary: { violations: Violation[] } }).summary.violations;
}

describe('Dependency rules (ARCHITECTURE.md rule 1)', () => {
  jest.setTimeout(60_000);

  it('holds for the whole code base', async () => {
    const found = await violations(['src']);
    expect(found.map((v) => `${v.rule.name}: ${v.from} -> ${v.to}`)).toEqual([]);
  });

  describe('catches each kind of violation (fixtures)', () => {
    let found: Violation[];

    beforeAll(async () => {
      found = await violations(['test/architecture/fixtures/src']);
    });

    const has = (rule: string, from: string) =>
      found.some((v) => v.rule.name === rule && v.from.endsWith(from));

    it('a domain file importing typeorm', () => {
      expect(has('domain-is-pure', 'shop/domain/order.ts')).toBe(true);
      expect(has('frameworks-stay-out-of-the-core', 'shop/domain/order.ts')).toBe(true);
    });

    it('an application file importing platform', () => {
      expect(has('application-depends-on-ports-only', 'shop/application/ports/cart.port.ts')).toBe(
        true,
      );
    });

    it("a module importing another module's domain", () => {
      expect(
        has('modules-meet-through-ports-commands-queries', 'billing/adapters/invoice.adapter.ts'),
      ).toBe(true);
    });

    it("a module file importing another module's adapter", () => {
      expect(has('module-files-import-modules-and-ports', 'shop/shop.module.ts')).toBe(true);
    });

    it("but not a module file importing another context's module file", () => {
      expect(found.some((v) => v.from.endsWith('billing/billing.module.ts'))).toBe(false);
    });

    it("a test file importing another context's domain, though it may use its test doubles", () => {
      const fromSpec = found.filter((v) =>
        v.from.endsWith('billing/application/invoice.handler.int-spec.ts'),
      );
      expect(fromSpec.map((v) => [v.rule.name, v.to.replace(/^.*\/modules\//, '')]).sort()).toEqual(
        [
          ['application-depends-on-ports-only', 'shop/domain/price.ts'],
          ['modules-meet-through-ports-commands-queries', 'shop/domain/price.ts'],
        ],
      );
    });

    it('running code importing a test double', () => {
      expect(has('test-doubles-stay-in-tests', 'billing/adapters/cart-double.adapter.ts')).toBe(
        true,
      );
      expect(
        has(
          'modules-meet-through-ports-commands-queries',
          'billing/adapters/cart-double.adapter.ts',
        ),
      ).toBe(true);
    });

    it('a circular import', () => {
      expect(found.some((v) => v.rule.name === 'no-circular')).toBe(true);
    });

    it('and nothing in the allowed file', () => {
      expect(found.some((v) => v.from.endsWith('shop/domain/price.ts'))).toBe(false);
    });

    it('an integration event contract importing anything but the kernel', () => {
      expect(
        has(
          'integration-events-are-contracts',
          'billing/application/events/invoice-sent.integration-event.ts',
        ),
      ).toBe(true);
    });

    it("a domain importing another context's integration event", () => {
      expect(has('domain-is-pure', 'billing/domain/invoice.ts')).toBe(true);
    });

    it('but not a domain recording its own, nor another context consuming it', () => {
      expect(found.some((v) => v.from.endsWith('shop/domain/paid-order.ts'))).toBe(false);
      expect(found.some((v) => v.from.endsWith('billing/adapters/order-paid.consumer.ts'))).toBe(
        false,
      );
    });

    it('a platform folder importing one of a higher layer', () => {
      expect(has('platform-folders-are-layered', 'platform/config/config-reader.ts')).toBe(true);
      expect(has('platform-folders-are-layered', 'platform/database/write-marks.ts')).toBe(true);
    });

    it('but not one of a lower layer', () => {
      expect(found.some((v) => v.from.endsWith('platform/cache/loader.ts'))).toBe(false);
    });

    it('two platform folders importing each other, without any file cycle', () => {
      const folderCycles = found
        .filter((v) => v.rule.name === 'no-circular-platform-folders')
        .map((v) => v.from.replace(/^.*src\/platform\//, ''));
      expect(folderCycles.sort()).toEqual(['cache', 'database', 'db', 'jobs']);
    });
  });
});
