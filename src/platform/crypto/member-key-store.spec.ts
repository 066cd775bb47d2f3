import { MemberKeyStore, SqlRunner } from './member-key-store';

/** The vault's SQL in memory: member_keys rows by user id, every statement counted. */
class FakeVaultSql implements SqlRunner {
  readonly statements: string[] = [];
  readonly keys = new Map<string, Buffer>();

  async query(sql: string, parameters: unknown[] = []): Promise<unknown> {
    this.statements.push(sql.trim().split(/\s+/)[0]!);
    if (sql.startsWith('SELECT')) {
      const secret = this.keys.get(parameters[0] as string);
      return secret ? [{ user_id: parameters[0], secret }] : [];
    }
    if (sql.includes('INSERT IGNORE')) {
      const [userId, secret] = parameters as [string, Buffer];
      if (!this.keys.has(userId)) this.keys.set(userId, secret);
      return { affectedRows: 1 };
    }
    throw new Error(`unexpected statement ${sql}`);
  }
}

describe(MemberKeyStore.name, () => {
  const now = new Date('2026-12-03T17:00:00.000Z');
  let db: FakeVaultSql;
  let sut: MemberKeyStore;

  beforeEach(() => {
    db = new FakeVaultSql();
    sut = new MemberKeyStore('keys');
  });

  it('reads a member key once per transaction cache', async () => {
    const secret = MemberKeyStore.newSecret();
    db.keys.set('u-1', secret);
    const cache = new Map<string, Buffer>();

    const first = await sut.ensureCached(db, cache, 'u-1', now);
    const second = await sut.ensureCached(db, cache, 'u-1', now);

    expect(first).toEqual(secret);
    expect(second).toEqual(secret);
    expect(db.statements).toEqual(['SELECT']);
  });

  it('reads the vault every time without a transaction cache', async () => {
    db.keys.set('u-1', MemberKeyStore.newSecret());

    await sut.ensureCached(db, undefined, 'u-1', now);
    await sut.ensureCached(db, undefined, 'u-1', now);

    expect(db.statements).toEqual(['SELECT', 'SELECT']);
  });

  it('keeps a key it had to create, so the next seal in the transaction uses the same one', async () => {
    const cache = new Map<string, Buffer>();

    const created = await sut.ensureCached(db, cache, 'u-2', now);
    const again = await sut.ensureCached(db, cache, 'u-2', now);

    expect(created).toEqual(db.keys.get('u-2'));
    expect(again).toBe(created);
    expect(db.statements).toEqual(['SELECT', 'INSERT', 'SELECT']);
  });

  it('remembers nothing for an erased member (no key)', async () => {
    const cache = new Map<string, Buffer>();
    db.query = async (sql: string) => {
      db.statements.push(sql.trim().split(/\s+/)[0]!);
      return sql.startsWith('SELECT') ? [] : { affectedRows: 0 };
    };

    expect(await sut.ensureCached(db, cache, 'erased', now)).toBeNull();
    expect(cache.size).toBe(0);
  });
});
