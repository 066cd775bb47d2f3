import { Db } from '../support/db';
import { apiForSuite } from '../support/api-suite';
import { signUpAndLogIn, TestUser } from '../support/fixtures';

const home = {
  recipient: 'Jane Addressbook',
  phone: '+821012345678',
  postalCode: '04524',
  line1: '110 Sejong-daero, Jung-gu',
  line2: 'Apt 1203',
};

describe('Address book (e2e)', () => {
  const suite = apiForSuite();

  it('adds, lists (default first), changes and deletes addresses; the first one is the default', async () => {
    const user = await signUpAndLogIn(suite.api, 'book');
    const created = await suite.api.post('/users/me/addresses', home, { token: user.accessToken });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({
      id: expect.any(String),
      ...home,
      isDefault: true,
      createdAt: expect.any(String),
    });
    const office = await suite.api.post(
      '/users/me/addresses',
      { ...home, recipient: 'Jane at work', line1: '152 Teheran-ro', line2: undefined },
      { token: user.accessToken },
    );
    expect(office.status).toBe(201);
    expect(office.body).toMatchObject({ isDefault: false, line2: null });

    const moved = await suite.api.patch(
      `/users/me/addresses/${office.body.id}`,
      { isDefault: true, postalCode: '06236' },
      { token: user.accessToken },
    );
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ id: office.body.id, isDefault: true, postalCode: '06236' });

    const list = await suite.api.get('/users/me/addresses', { token: user.accessToken });
    expect(list.status).toBe(200);
    expect(
      list.body.items.map((a: { id: string; isDefault: boolean }) => [a.id, a.isDefault]),
    ).toEqual([
      [office.body.id, true],
      [created.body.id, false],
    ]);

    expect(
      (await suite.api.delete(`/users/me/addresses/${office.body.id}`, { token: user.accessToken }))
        .status,
    ).toBe(204);
    const after = await suite.api.get('/users/me/addresses', { token: user.accessToken });
    expect(after.body.items).toEqual([{ ...created.body, isDefault: true }]);
  });

  it("answers 404 for another member's address and leaves it untouched", async () => {
    const owner = await signUpAndLogIn(suite.api, 'owner');
    const other = await signUpAndLogIn(suite.api, 'other');
    const created = await suite.api.post('/users/me/addresses', home, { token: owner.accessToken });
    const path = `/users/me/addresses/${created.body.id}`;

    const patch = await suite.api.patch(path, { line1: 'Stolen' }, { token: other.accessToken });
    expect(patch.status).toBe(404);
    expect(patch.body.code).toBe('NOT_FOUND');
    expect((await suite.api.delete(path, { token: other.accessToken })).status).toBe(404);
    expect(
      (await suite.api.get('/users/me/addresses', { token: other.accessToken })).body.items,
    ).toEqual([]);
    expect(
      (await suite.api.get('/users/me/addresses', { token: owner.accessToken })).body.items,
    ).toEqual([created.body]);
  });

  it('keeps exactly 10 addresses and one default when 15 are added at once', async () => {
    const user = await signUpAndLogIn(suite.api, 'full');
    const answers = await Promise.all(
      Array.from({ length: 15 }, (_, i) =>
        suite.api.post(
          '/users/me/addresses',
          { ...home, line1: `${i} Parallel-ro`, isDefault: i % 3 === 0 },
          { token: user.accessToken },
        ),
      ),
    );
    expect(answers.filter((a) => a.status === 201)).toHaveLength(10);
    const refused = answers.filter((a) => a.status === 409);
    expect(refused).toHaveLength(5);
    expect(refused.every((a) => a.body.code === 'ADDRESS_LIMIT_REACHED')).toBe(true);
    const rows = await Db.rows<{ is_default: number }>(
      'SELECT is_default FROM member_addresses WHERE user_id = ?',
      [user.id],
    );
    expect(rows).toHaveLength(10);
    expect(rows.filter((row) => Number(row.is_default) === 1)).toHaveLength(1);
  });

  it.each([
    ['phone', { phone: '010-1234-5678' }],
    ['postalCode', { postalCode: '!' }],
    ['recipient', { recipient: '' }],
    ['line1', { line1: 'x'.repeat(101) }],
  ])('rejects a bad %s with 400 VALIDATION_FAILED naming it', async (field, change) => {
    const user = await signUpAndLogIn(suite.api, 'invalid');
    const answer = await suite.api.post(
      '/users/me/addresses',
      { ...home, ...change },
      { token: user.accessToken },
    );
    expect(answer.status).toBe(400);
    expect(answer.body.code).toBe('VALIDATION_FAILED');
    expect(answer.body.errors.map((e: { field: string }) => e.field)).toEqual([field]);
    expect(await Db.rows('SELECT id FROM member_addresses WHERE user_id = ?', [user.id])).toEqual(
      [],
    );
  });

  describe('at rest', () => {
    let user: TestUser;

    beforeAll(async () => {
      user = await signUpAndLogIn(suite.api, 'rest');
      await suite.api.post('/users/me/addresses', home, { token: user.accessToken });
    });

    it('stores no field in plain text: every column is a sealed value naming the key', async () => {
      const [row] = await Db.rows<Record<string, string | null>>(
        'SELECT recipient, phone, postal_code, line1, line2 FROM member_addresses WHERE user_id = ?',
        [user.id],
      );
      const stored = Object.values(row!).join(' ');
      for (const value of Object.values(home)) expect(stored).not.toContain(value);
      for (const value of Object.values(row!))
        expect(value).toMatch(/^e1\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{20,}$/);
    });

    it('audits every change in audit_events, which refuses UPDATE and DELETE from the API account', async () => {
      const rows = await Db.rows<{
        id: string;
        action: string;
        actor_role: string;
        client_address_hmac: string;
      }>(
        'SELECT id, action, actor_role, client_address_hmac FROM audit_events WHERE subject_user_id = ?',
        [user.id],
      );
      expect(rows.map((row) => row.action)).toEqual(['member.address.added']);
      expect(rows[0]!.actor_role).toBe('CUSTOMER');
      expect(rows[0]!.client_address_hmac).toMatch(/^[0-9a-f]{64}$/);
      await expect(
        Db.rows("UPDATE audit_events SET action = 'forged' WHERE id = ?", [rows[0]!.id]),
      ).rejects.toThrow(/append-only/);
      await expect(Db.rows('DELETE FROM audit_events WHERE id = ?', [rows[0]!.id])).rejects.toThrow(
        /append-only/,
      );
      const [still] = await Db.rows<{ action: string }>(
        'SELECT action FROM audit_events WHERE id = ?',
        [rows[0]!.id],
      );
      expect(still?.action).toBe('member.address.added');
    });
  });
});
