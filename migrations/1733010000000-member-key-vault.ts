import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The member-key vault (ADR 0035): one secret per member and the erasure log,
 * in their own schema beside the shop database (MEMBER_KEYS_SCHEMA, default
 * `<database>_keys`, the same rule as src/platform/config/personal-data-config.ts),
 * so that the shop database's backups never contain them.
 */
export class MemberKeyVault1733010000000 implements MigrationInterface {
  name = 'MemberKeyVault1733010000000';

  async up(db: QueryRunner): Promise<void> {
    const schema = await vaultSchema(db);
    const exists = (await db.query(
      'SELECT COUNT(*) AS n FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = ?',
      [schema],
    )) as Array<{ n: number | string }>;
    // Created only when missing: where an operator created it (with grants), no CREATE privilege is needed.
    if (Number(exists[0]?.n) === 0)
      await db.query(
        `CREATE DATABASE \`${schema}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`,
      );
    await db.query(`
      CREATE TABLE IF NOT EXISTS \`${schema}\`.member_keys (
        user_id CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        secret BINARY(32) NOT NULL,
        created_at DATETIME(3) NOT NULL,
        PRIMARY KEY (user_id)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await db.query(`
      CREATE TABLE IF NOT EXISTS \`${schema}\`.member_erasures (
        user_id CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        erased_at DATETIME(3) NOT NULL,
        PRIMARY KEY (user_id),
        KEY ix_member_erasures_erased_at (erased_at)
      ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  async down(db: QueryRunner): Promise<void> {
    const schema = await vaultSchema(db);
    await db.query(`DROP TABLE IF EXISTS \`${schema}\`.member_erasures`);
    await db.query(`DROP TABLE IF EXISTS \`${schema}\`.member_keys`);
  }
}

async function vaultSchema(db: QueryRunner): Promise<string> {
  const [row] = (await db.query('SELECT DATABASE() AS name')) as Array<{ name: string }>;
  const schema = process.env.MEMBER_KEYS_SCHEMA?.trim() || `${row!.name}_keys`;
  if (!/^[A-Za-z0-9_]{1,64}$/.test(schema))
    throw new Error('MEMBER_KEYS_SCHEMA must be 1 to 64 letters, digits or underscores');
  return schema;
}
