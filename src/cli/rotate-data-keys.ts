import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { ADDRESS_SEALED_TABLE } from '../modules/identity/adapters/persistence/member-address.persistence-mapper';
import { MEMBER_TOKEN_SEALED_TABLE } from '../modules/identity/adapters/persistence/typeorm-member-token.repository';
import { USER_SEALED_TABLE } from '../modules/identity/adapters/persistence/user.persistence-mapper';
import { SHIPPING_ADDRESS_SEALED_TABLE } from '../modules/ordering/adapters/persistence/order-shipping-address.persistence-mapper';
import { REVIEW_SEALED_TABLE } from '../modules/reviews/adapters/persistence/review.rows';
import {
  assertProductionSecretsOrExit,
  loadPersonalDataConfigOrExit,
} from '../platform/config/load-config';
import { DataKeyRotation, RotationCount } from '../platform/crypto/data-key-rotation';
import { FieldCipher } from '../platform/crypto/field-cipher';
import { KeyRing } from '../platform/crypto/key-ring';
import { MemberKeyStore } from '../platform/crypto/member-key-store';
import { SealedTable } from '../platform/crypto/sealed-table';
import { typeOrmOptions } from '../platform/database/typeorm-options';

/** Every table holding sealed values (ADR 0045): a new one must be added here. */
const SEALED_TABLES: readonly SealedTable[] = [
  USER_SEALED_TABLE,
  ADDRESS_SEALED_TABLE,
  MEMBER_TOKEN_SEALED_TABLE,
  SHIPPING_ADDRESS_SEALED_TABLE,
  REVIEW_SEALED_TABLE,
];

/**
 * `npm run data-keys:rotate [-- --check] [--batch-size N] [--pause-ms N]`
 * (ADR 0045, runbook "Rotating data keys"): re-encrypts every sealed value
 * under DATA_KEY_ACTIVE, online, in keyset batches with one compare-and-set
 * UPDATE per row; resumable and safe to re-run. Then checks every table
 * again and exits 0 only when no value of a member who still has a key
 * names another ring key: only then may the old key leave DATA_KEYS.
 * `--check` only counts. A missing or malformed key variable stops it at
 * start with one line naming the variable.
 */
async function main(): Promise<void> {
  const { database, personalData } = loadPersonalDataConfigOrExit();
  assertProductionSecretsOrExit({ jwt: false });
  const options = parseArguments(process.argv.slice(2));
  const ring = new KeyRing(personalData.keys, personalData.activeKeyId);
  const rotation = new DataKeyRotation(
    new FieldCipher(ring),
    new MemberKeyStore(personalData.keySchema),
  );
  const dataSource = new DataSource({
    ...typeOrmOptions({ ...database, replicaUrls: [] }),
    logging: ['error'],
  });
  await dataSource.initialize();
  const say = (line: string): void => void process.stdout.write(`data-keys:rotate: ${line}\n`);
  try {
    say(`active key ${ring.activeId}; ring ${ring.ids().join(', ')}`);
    const counts: RotationCount[] = [];
    if (!options.check) {
      for (const table of SEALED_TABLES) {
        const count = await rotation.run(dataSource, table, {
          batchSize: options.batchSize,
          pauseMs: options.pauseMs,
          onBatch: (progress) => say(progressLine(progress)),
        });
        counts.push(count);
        for (const failure of count.failed.slice(0, 10))
          say(`${table.table} ${failure.rowId}: not re-encrypted (${failure.reason})`);
      }
    }
    // A second look at everything: values written meanwhile by an instance still on the old active key show up here.
    const checks: RotationCount[] = [];
    for (const table of SEALED_TABLES)
      checks.push(await rotation.run(dataSource, table, { batchSize: 1000, checkOnly: true }));

    const total = (list: RotationCount[], field: 'rotated' | 'conflicts' | 'erased'): number =>
      list.reduce((sum, count) => sum + count[field], 0);
    const remaining = new Map<string, number>();
    for (const check of checks)
      for (const [keyId, n] of Object.entries(check.remaining))
        remaining.set(keyId, (remaining.get(keyId) ?? 0) + n);
    const failed = counts.reduce((sum, count) => sum + count.failed.length, 0);
    if (!options.check)
      say(
        `done: ${total(counts, 'rotated')} row(s) re-encrypted (${counts.map((c) => `${c.table} ${c.rotated}`).join(', ')}), ` +
          `${total(counts, 'conflicts')} concurrent change(s) retried, ${failed} failed`,
      );
    say(
      `check: ${checks.reduce((sum, c) => sum + c.scanned, 0)} row(s) read; ` +
        `values under another key than ${ring.activeId}: ${
          remaining.size === 0
            ? 'none'
            : [...remaining].map(([keyId, n]) => `${n} under ${keyId}`).join(', ')
        }; ${total(checks, 'erased')} row(s) of erased members left as they are (unreadable)`,
    );
    if (remaining.size > 0 || failed > 0) {
      say(
        `NOT complete: keep the old key(s) in DATA_KEYS; make sure every API and worker runs with DATA_KEY_ACTIVE=${ring.activeId}, then run again`,
      );
      process.exitCode = 1;
    } else say(`complete: keys other than ${ring.activeId} may leave DATA_KEYS`);
  } finally {
    await dataSource.destroy();
  }
}

function progressLine(count: Readonly<RotationCount>): string {
  return `${count.table}: ${count.scanned} read, ${count.rotated} re-encrypted, ${count.conflicts} retried, ${count.erased} erased`;
}

function parseArguments(args: string[]): { check: boolean; batchSize: number; pauseMs: number } {
  const number = (flag: string, fallback: number, min: number): number => {
    const index = args.indexOf(flag);
    if (index < 0) return fallback;
    const value = Number(args[index + 1]);
    if (!Number.isInteger(value) || value < min) {
      process.stderr.write(`data-keys:rotate: ${flag} needs an integer >= ${min}\n`);
      process.exit(2);
    }
    return value;
  };
  return {
    check: args.includes('--check'),
    batchSize: number('--batch-size', 500, 1),
    pauseMs: number('--pause-ms', 10, 0),
  };
}

main().catch((error: unknown) => {
  // Name and code only: a driver's message can quote values.
  const { name, code } = error as { name?: string; code?: string };
  process.stderr.write(`data-keys:rotate failed: ${name ?? 'Error'}${code ? ` (${code})` : ''}\n`);
  process.exit(1);
});
