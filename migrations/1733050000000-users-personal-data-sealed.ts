import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { MigrationInterface, QueryRunner } from 'typeorm';

interface Sealer {
  sealLegacyRows(db: QueryRunner, now: Date): Promise<number>;
}

/**
 * users.email, name and the new phone hold sealed values (ADR 0032); lookups
 * go through email_bidx, the HMAC of the normalised address, UNIQUE. Then
 * every row still in plain text is encrypted, in short keyset batches
 * (no transaction around the whole: the API keeps serving). Every step
 * checks what is already there, so the migration is safe to run again, and
 * so is the sealing pass alone (UserRowSealer.sealLegacyRows).
 *
 * Needs DATA_KEYS and BLIND_INDEX_KEY: without them it stops naming the
 * variable, before changing anything.
 */
export class UsersPersonalDataSealed1733050000000 implements MigrationInterface {
  name = 'UsersPersonalDataSealed1733050000000';
  transaction = false;

  async up(db: QueryRunner): Promise<void> {
    // The sealing code of the build this migration ships in (dist/modules/...; src/modules/... under
    // ts-jest), which reads the keys: the migration seals exactly as the API does.
    const root = join(__dirname, '..', existsSync(join(__dirname, '..', 'modules')) ? '' : 'src');
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { UserRowSealer } = require(
      join(root, 'modules', 'identity', 'adapters', 'persistence', 'user-row.sealer'),
    ) as { UserRowSealer: { fromEnv(): Sealer } };
    const sealer = UserRowSealer.fromEnv();

    if (!(await usersHas(db, 'COLUMNS', 'COLUMN_NAME', 'email_bidx')))
      await db.query(
        `ALTER TABLE users
           ADD COLUMN email_bidx CHAR(64) CHARACTER SET ascii COLLATE ascii_bin NULL AFTER id,
           ADD COLUMN phone VARCHAR(200) CHARACTER SET ascii COLLATE ascii_bin NULL AFTER name,
           ADD UNIQUE KEY uq_users_email_bidx (email_bidx)`,
      );
    if (await usersHas(db, 'STATISTICS', 'INDEX_NAME', 'uq_users_email'))
      await db.query('ALTER TABLE users DROP INDEX uq_users_email');
    if (await usersHas(db, 'TABLE_CONSTRAINTS', 'CONSTRAINT_NAME', 'ck_users_name'))
      await db.query('ALTER TABLE users DROP CONSTRAINT ck_users_name');
    // Sealed values are ASCII, ~4/3 of the UTF-8 text plus 40 characters; plain rows stay readable until sealed.
    await db.query(
      `ALTER TABLE users MODIFY email VARCHAR(1400) NOT NULL, MODIFY name VARCHAR(400) NOT NULL`,
    );

    await sealer.sealLegacyRows(db, new Date());
  }

  async down(): Promise<void> {
    // Sealed values cannot go back to plain text without the keys and a decrypting pass; restore a backup instead.
    throw new Error('UsersPersonalDataSealed1733050000000 cannot be reverted');
  }
}

/** Whether information_schema.<view> lists `name` (in <nameColumn>) for the users table. */
async function usersHas(
  db: QueryRunner,
  view: 'COLUMNS' | 'STATISTICS' | 'TABLE_CONSTRAINTS',
  nameColumn: 'COLUMN_NAME' | 'INDEX_NAME' | 'CONSTRAINT_NAME',
  name: string,
): Promise<boolean> {
  const [row] = (await db.query(
    `SELECT COUNT(*) AS n FROM information_schema.${view}
      WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'users' AND ${nameColumn} = ?`,
    [name],
  )) as Array<{ n: number | string }>;
  return Number(row?.n ?? 0) > 0;
}
