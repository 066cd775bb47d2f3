import { BlindIndex } from '../../../../platform/crypto/blind-index';
import { FieldCipher } from '../../../../platform/crypto/field-cipher';
import { KeyRing } from '../../../../platform/crypto/key-ring';
import { MemberKeyStore } from '../../../../platform/crypto/member-key-store';
import { forEachKeysetBatch, SqlRunner } from '../../../../platform/database/keyset-batches';
import { AppConfig } from '../../../../platform/config/app-config';
import { PersonalDataConfig } from '../../../../platform/config/personal-data-config';
import { USER_TABLE, UserPersistenceMapper } from './user.persistence-mapper';

/** A user to write with SQL (seed, tests, benchmarks): personal fields in plain text. */
export interface NewUserRow {
  readonly id: string;
  readonly email: string;
  readonly name: string;
  readonly phone?: string | null;
  readonly passwordHash: string;
  readonly role: 'CUSTOMER' | 'ADMIN';
}

interface LegacyRow {
  id: string;
  email: string;
  name: string;
  phone: string | null;
}

/**
 * Users written or converted outside the API, sealed exactly as the API
 * seals them (ADR 0032): the seed's admin, bulk test and benchmark
 * customers, and the migration that encrypts rows written before
 * encryption (1733050000000).
 */
export class UserRowSealer {
  constructor(
    private readonly cipher: FieldCipher,
    private readonly blindIndex: BlindIndex,
    private readonly store: MemberKeyStore,
  ) {}

  /** From DATA_KEYS, DATA_KEY_ACTIVE, BLIND_INDEX_KEY (ConfigError naming the variable otherwise). */
  static fromEnv(env: Record<string, string | undefined> = process.env): UserRowSealer {
    return UserRowSealer.fromConfig(AppConfig.personalDataFromEnv(env));
  }

  static fromConfig(config: PersonalDataConfig): UserRowSealer {
    return new UserRowSealer(
      new FieldCipher(new KeyRing(config.keys, config.activeKeyId)),
      new BlindIndex(config.blindIndexKey),
      new MemberKeyStore(config.keySchema),
    );
  }

  /** The blind index of a normalised e-mail address. */
  emailIndex(email: string): string {
    return this.blindIndex.email(email);
  }

  /** Inserts users with their vault secrets (one multi-row statement each); a taken e-mail is ER_DUP_ENTRY. */
  async insert(db: SqlRunner, users: readonly NewUserRow[], now: Date): Promise<void> {
    if (users.length === 0) return;
    const secrets = users.map(() => MemberKeyStore.newSecret());
    const rows = users.map((user, i) => {
      const sealed = UserPersistenceMapper.seal(
        this.cipher,
        this.blindIndex,
        secrets[i]!,
        user.id,
        {
          email: user.email,
          name: user.name,
          phone: user.phone ?? null,
        },
      );
      return [
        user.id,
        sealed.email_bidx,
        sealed.email,
        sealed.name,
        sealed.phone,
        user.passwordHash,
        user.role,
        now,
        now,
      ];
    });
    await db.query(
      `INSERT INTO ${USER_TABLE} (id, email_bidx, email, name, phone, password_hash, role, created_at, updated_at)
       VALUES ${rows.map(() => '(?, ?, ?, ?, ?, ?, ?, ?, ?)').join(', ')}`,
      rows.flat(),
    );
    await db.query(
      `INSERT INTO ${this.store.keysTable} (user_id, secret, created_at)
       VALUES ${users.map(() => '(?, ?, ?)').join(', ')}`,
      users.flatMap((user, i) => [user.id, secrets[i], now]),
    );
  }

  /**
   * Encrypts every users row still holding a plain e-mail (it contains `@`;
   * a sealed value never does), in batches of `batchSize` keyset-ordered by
   * id, each row in its own short statement that applies only if the row is
   * unchanged since it was read. Online (no long lock) and safe to run again:
   * sealed rows are skipped. Returns how many rows it sealed.
   */
  async sealLegacyRows(db: SqlRunner, now: Date, batchSize = 500): Promise<number> {
    let sealed = 0;
    await forEachKeysetBatch<LegacyRow>(
      db,
      {
        sql: `SELECT id, email, name, phone FROM ${USER_TABLE} WHERE id > ? ORDER BY id LIMIT ?`,
        keyOf: (row) => row.id,
        batchSize,
      },
      async (rows) => {
        for (const row of rows.filter((candidate) => candidate.email.includes('@')))
          sealed += await this.sealLegacyRow(db, row, now);
      },
    );
    return sealed;
  }

  /** Seals one plain row if it is unchanged since it was read; 1 when it did. */
  private async sealLegacyRow(db: SqlRunner, row: LegacyRow, now: Date): Promise<number> {
    const secret = await this.store.ensure(db, row.id, now);
    if (!secret) return 0; // erased: nothing to seal it under, and nothing to keep
    const email = row.email.trim().toLowerCase();
    const columns = UserPersistenceMapper.seal(this.cipher, this.blindIndex, secret, row.id, {
      email,
      name: row.name,
      phone: row.phone,
    });
    const result = (await db.query(
      `UPDATE ${USER_TABLE} SET email = ?, name = ?, phone = ?, email_bidx = ?
        WHERE id = ? AND email = ? AND name = ? AND phone <=> ?`,
      [
        columns.email,
        columns.name,
        columns.phone,
        columns.email_bidx,
        row.id,
        row.email,
        row.name,
        row.phone,
      ],
    )) as { affectedRows?: number };
    return Number(result.affectedRows ?? 0);
  }
}
