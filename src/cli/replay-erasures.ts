import { createConnection, Connection, RowDataPacket } from 'mysql2/promise';
import { memberKeySchema } from '../platform/config/personal-data-config';

/**
 * Post-restore hook (scripts/db/post-restore.d/50-replay-member-erasures,
 * ADR 0035): replays the member erasure log, kept in the vault schema of the
 * live primary and outside every shop backup, onto a restored shop database.
 * Each erased member loses again their blind index, password, address book,
 * pending tokens and sessions; their sealed values were unreadable already
 * (their key is gone). Idempotent. Exits non-zero when the log cannot be
 * read: the restored copy must then not go into service.
 *
 * Environment (set by db:restore): RESTORE_DATABASE_URL, RESTORE_VAULT_SCHEMA,
 * PRIMARY_DATABASE_URL; MEMBER_KEYS_SCHEMA when the live vault has another name.
 */
async function main(): Promise<void> {
  const target = required('RESTORE_DATABASE_URL');
  const source = required('PRIMARY_DATABASE_URL');
  const sourceDb = decodeURIComponent(new URL(source).pathname.slice(1));
  const vault = memberKeySchema(process.env, sourceDb);

  const log = await withConnection(source, (db) =>
    db.query<RowDataPacket[]>(
      `SELECT user_id, erased_at FROM \`${vault}\`.member_erasures ORDER BY erased_at, user_id`,
    ),
  );
  const erasures = log[0] as Array<{ user_id: string; erased_at: Date }>;
  await withConnection(target, async (db) => {
    const restoredVault = process.env.RESTORE_VAULT_SCHEMA?.trim() || vault;
    const [vaults] = await db.query<RowDataPacket[]>(
      `SELECT COUNT(*) AS n FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? AND TABLE_NAME = 'member_keys'`,
      [restoredVault],
    );
    const hasVault = Number(vaults[0]?.n) > 0;
    for (let i = 0; i < erasures.length; i += 500) {
      const batch = erasures.slice(i, i + 500);
      const ids = batch.map((entry) => entry.user_id);
      await db.beginTransaction();
      for (const entry of batch)
        await db.query(
          `UPDATE users SET email_bidx = NULL, password_hash = '$argon2id$erased',
                  erased_at = COALESCE(erased_at, ?)
            WHERE id = ?`,
          [entry.erased_at, entry.user_id],
        );
      await db.query('DELETE FROM member_addresses WHERE user_id IN (?)', [ids]);
      await db.query('DELETE FROM member_tokens WHERE user_id IN (?)', [ids]);
      await db.query(
        `UPDATE auth_sessions SET revoked_at = COALESCE(revoked_at, NOW(3)),
                revoked_reason = COALESCE(revoked_reason, 'ERASURE')
          WHERE user_id IN (?)`,
        [ids],
      );
      if (hasVault) {
        await db.query(`DELETE FROM \`${restoredVault}\`.member_keys WHERE user_id IN (?)`, [ids]);
        await db.query(
          `INSERT IGNORE INTO \`${restoredVault}\`.member_erasures (user_id, erased_at) VALUES ?`,
          [batch.map((entry) => [entry.user_id, entry.erased_at])],
        );
      }
      await db.commit();
    }
  });
  process.stdout.write(`replay-erasures: ${erasures.length} erased member(s) applied\n`);
}

function required(name: string): string {
  const value = process.env[name]?.trim();
  if (!value) throw new Error(`${name} is not set (run as a db:restore post-restore hook)`);
  return value;
}

async function withConnection<T>(url: string, work: (db: Connection) => Promise<T>): Promise<T> {
  const db = await createConnection({ uri: url, connectTimeout: 5000, timezone: 'Z' });
  try {
    return await work(db);
  } finally {
    await db.end();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`replay-erasures failed: ${(error as Error).message}\n`);
  process.exit(1);
});
