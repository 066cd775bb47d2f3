import { randomBytes, randomUUID } from 'node:crypto';
import { TestingModule } from '@nestjs/testing';
import { DataSource } from 'typeorm';
import { createPlatformContext } from '../../../test/support/platform-context';
import { SqlRunner } from '../database/keyset-batches';
import { DataKeyRotation } from './data-key-rotation';
import { FieldCipher } from './field-cipher';
import { KeyRing } from './key-ring';
import { MemberKeyStore } from './member-key-store';
import { SealedTable } from './sealed-table';

/** A random 32-byte ring key with enough distinct bytes. */
const key = (): Buffer => randomBytes(32);

/**
 * The rotation's batch logic against the real primary, on a table of its
 * own shaped like the sealed tables (owner column, nullable sealed column):
 * everything ends under the new key and opens without the old one, a
 * concurrent write between the read and the compare-and-set is never lost,
 * erased members are left alone, and a second run changes nothing.
 */
describe(DataKeyRotation.name, () => {
  let moduleRef: TestingModule;
  let dataSource: DataSource;
  let store: MemberKeyStore;
  const oldKey = key();
  const newKey = key();
  const before = new FieldCipher(new KeyRing(new Map([['old', oldKey]]), 'old'));
  const during = new FieldCipher(
    new KeyRing(
      new Map([
        ['old', oldKey],
        ['new', newKey],
      ]),
      'new',
    ),
  );
  const after = new FieldCipher(new KeyRing(new Map([['new', newKey]]), 'new'));
  const tableName = `rotation_probe_${randomUUID().slice(0, 8)}`;
  const table: SealedTable = {
    table: tableName,
    idColumn: 'id',
    columns: ['a', 'b'],
    ownerColumn: 't.user_id',
  };
  const owners: string[] = [];
  let sut: DataKeyRotation;

  beforeAll(async () => {
    moduleRef = await createPlatformContext();
    dataSource = moduleRef.get(DataSource);
    store = moduleRef.get(MemberKeyStore);
    sut = new DataKeyRotation(during, store);
    await dataSource.query(
      `CREATE TABLE ${tableName} (
         id CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL PRIMARY KEY,
         user_id CHAR(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
         a VARCHAR(400) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
         b VARCHAR(400) CHARACTER SET ascii COLLATE ascii_bin NULL)`,
    );
  });

  afterAll(async () => {
    await dataSource.query(`DROP TABLE IF EXISTS ${tableName}`);
    if (owners.length > 0)
      await dataSource.query(`DELETE FROM ${store.keysTable} WHERE user_id IN (?)`, [owners]);
    await moduleRef.close();
  });

  beforeEach(() => dataSource.query(`DELETE FROM ${tableName}`));

  async function owner(): Promise<{ id: string; secret: Buffer }> {
    const id = randomUUID();
    owners.push(id);
    return { id, secret: await store.create(dataSource, id, new Date()) };
  }

  /** Writes row `id` with `cipher` (as an API instance whose active key is the cipher's would). */
  async function write(
    cipher: FieldCipher,
    member: { id: string; secret: Buffer },
    id: string,
    a: string,
    b: string | null,
  ): Promise<void> {
    const sealed = cipher.sealRow(member.secret, tableName, id, { a, b });
    await dataSource.query(
      `INSERT INTO ${tableName} (id, user_id, a, b) VALUES (?, ?, ?, ?)
       ON DUPLICATE KEY UPDATE a = VALUES(a), b = VALUES(b)`,
      [id, member.id, sealed.a, sealed.b],
    );
  }

  async function rows(): Promise<
    Array<{ id: string; user_id: string; a: string; b: string | null }>
  > {
    return dataSource.query(`SELECT id, user_id, a, b FROM ${tableName} ORDER BY id`);
  }

  it('re-encrypts every value under the active key in batches; the old key is then not needed; a re-run changes nothing', async () => {
    const members = [await owner(), await owner(), await owner()];
    const plain = new Map<string, { a: string; b: string | null }>();
    for (let i = 0; i < 25; i += 1) {
      const id = randomUUID();
      const value = { a: `value ${i}`, b: i % 3 === 0 ? null : `second ${i}` };
      plain.set(id, value);
      await write(before, members[i % 3]!, id, value.a, value.b);
    }
    const batches: number[] = [];

    const count = await sut.run(dataSource, table, {
      batchSize: 4,
      onBatch: (progress) => batches.push(progress.scanned),
    });

    expect(count).toMatchObject({ scanned: 25, rotated: 25, conflicts: 0, erased: 0, failed: [] });
    expect(batches).toEqual([4, 8, 12, 16, 20, 24, 25]);
    const secrets = await store.findMany(
      dataSource,
      members.map((m) => m.id),
    );
    for (const row of await rows()) {
      expect(FieldCipher.keyIdOf(row.a)).toBe('new');
      if (row.b !== null) expect(FieldCipher.keyIdOf(row.b)).toBe('new');
      expect(
        after.openRow(secrets.get(row.user_id)!, tableName, row.id, { a: row.a, b: row.b }),
      ).toEqual(plain.get(row.id));
    }
    const again = await sut.run(dataSource, table, { batchSize: 4 });
    expect(again).toMatchObject({ scanned: 25, rotated: 0, conflicts: 0 });
    expect(await sut.run(dataSource, table, { batchSize: 10, checkOnly: true })).toMatchObject({
      rotated: 0,
      remaining: {},
    });
  });

  it.each([
    ['an instance already on the new active key', () => during],
    ['an instance still on the old active key', () => before],
  ])(
    'keeps a write made between its read and its compare-and-set by %s',
    async (_writer, cipher) => {
      const member = await owner();
      const id = randomUUID();
      await write(before, member, id, 'original', 'kept');
      // The concurrent write lands right before the rotation's first UPDATE of the row.
      let interfered = false;
      const racing: SqlRunner = {
        query: async (sql, parameters) => {
          if (!interfered && sql.trimStart().startsWith('UPDATE')) {
            interfered = true;
            await write(cipher(), member, id, 'changed by the member', 'kept');
          }
          return dataSource.query(sql, parameters);
        },
      };

      const count = await sut.run(racing, table, { batchSize: 10 });

      expect(interfered).toBe(true);
      expect(count.conflicts).toBe(1);
      const [row] = await rows();
      expect(FieldCipher.keyIdOf(row!.a)).toBe('new');
      expect(after.openRow(member.secret, tableName, id, { a: row!.a, b: row!.b })).toEqual({
        a: 'changed by the member',
        b: 'kept',
      });
    },
  );

  it('loses none of many concurrent updates made while it runs', async () => {
    const members = await Promise.all(Array.from({ length: 8 }, () => owner()));
    const ids: string[] = Array.from({ length: 200 }, () => randomUUID());
    for (const [i, id] of ids.entries()) await write(before, members[i % 8]!, id, `v0 ${i}`, null);
    const last = new Map<string, string>();
    let running = true;
    // Eight writers keep rewriting rows (half of them still on the old key) while the rotation runs.
    const writers = members.map(async (member, w) => {
      let n = 0;
      while (running) {
        n += 1;
        const i = (w + 8 * (n % 25)) % ids.length;
        const value = `v${n} by ${w}`;
        await write(w % 2 === 0 ? during : before, members[i % 8]!, ids[i]!, value, null);
        last.set(ids[i]!, value);
      }
      return member;
    });

    const count = await sut.run(dataSource, table, { batchSize: 16 });
    running = false;
    await Promise.all(writers);
    // The writers on the old key may have written after the pass went by: a second run takes them.
    await sut.run(dataSource, table, { batchSize: 16 });

    expect(count.failed).toEqual([]);
    const secrets = await store.findMany(
      dataSource,
      members.map((m) => m.id),
    );
    const stored = await rows();
    expect(stored).toHaveLength(200);
    for (const row of stored) {
      expect(FieldCipher.keyIdOf(row.a)).toBe('new');
      const expected = last.get(row.id) ?? `v0 ${ids.indexOf(row.id)}`;
      expect(
        after.openRow(secrets.get(row.user_id)!, tableName, row.id, { a: row.a, b: null }).a,
      ).toBe(expected);
    }
  });

  it('leaves the values of an erased member (no key anywhere) as they are, and counts them', async () => {
    const member = await owner();
    const id = randomUUID();
    await write(before, member, id, 'gone', null);
    await store.destroy(dataSource, member.id, new Date());
    const [stored] = await rows();

    const count = await sut.run(dataSource, table, { batchSize: 10 });

    expect(count).toMatchObject({ rotated: 0, erased: 1, failed: [] });
    expect((await rows())[0]).toEqual(stored);
    await dataSource.query(`DELETE FROM ${store.erasuresTable} WHERE user_id = ?`, [member.id]);
  });

  it('counts without writing when asked only to check', async () => {
    const member = await owner();
    const id = randomUUID();
    await write(before, member, id, 'one', 'two');
    const [stored] = await rows();

    const count = await sut.run(dataSource, table, { batchSize: 10, checkOnly: true });

    expect(count).toMatchObject({ rotated: 1, remaining: { old: 2 } });
    expect((await rows())[0]).toEqual(stored);
  });
});
