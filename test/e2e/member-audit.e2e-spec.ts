import { PoolConnection } from 'mysql2/promise';
import { AppProcess, startApi } from '../support/app-process';
import { Db } from '../support/db';
import { logInAsAdmin, signUpAndLogIn } from '../support/fixtures';
import { apiClient, HttpClient, HttpResult } from '../support/http';
import { metricSum } from '../support/metrics';

describe('Audit trail and admin access to members (e2e)', () => {
  let app: AppProcess;
  let api: HttpClient;
  let admin: string;

  beforeAll(async () => {
    app = await startApi();
    api = apiClient(app.url);
    admin = await logInAsAdmin(api);
  });

  afterAll(async () => {
    await app.stop();
    await Db.end();
  });

  it('audits every admin read of a member before answering; the member sees it in their access log', async () => {
    const member = await signUpAndLogIn(api, 'audited');

    const found = await api.get(
      `/admin/users?email=${encodeURIComponent(member.email.toUpperCase())}`,
      {
        token: admin,
      },
    );
    expect(found.status).toBe(200);
    expect(found.body.items).toEqual([
      expect.objectContaining({ id: member.id, email: member.email, role: 'CUSTOMER' }),
    ]);
    expect(
      (await api.get('/admin/users?email=nobody@example.test', { token: admin })).body,
    ).toEqual({
      items: [],
    });
    const read = await api.get(`/admin/users/${member.id}`, { token: admin });
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ id: member.id, email: member.email, name: 'Test User' });
    expect((await api.get(`/admin/users/${member.id}`, { token: member.accessToken })).status).toBe(
      403,
    );

    const log = await api.get('/users/me/access-log', { token: member.accessToken });
    expect(log.status).toBe(200);
    expect(log.body.items.map((entry: { action: string }) => entry.action)).toEqual([
      'admin.user.read',
      'admin.user.searched',
    ]);
    expect(log.body.items[0]).toEqual({
      at: expect.any(String),
      actorRole: 'ADMIN',
      action: 'admin.user.read',
      resource: `user:${member.id}`,
    });

    // Paged one event at a time, newest first. Reading the trail is audited too (on the
    // primary, before the page is read from a replica that may or may not show it yet).
    const seen: Array<{ action: string; subjectUserId: string; requestId: string }> = [];
    let cursor: string | null = null;
    do {
      const page: HttpResult = await api.get(
        `/admin/audit-events?subjectUserId=${member.id}&limit=1${cursor ? `&cursor=${cursor}` : ''}`,
        { token: admin },
      );
      expect(page.status).toBe(200);
      expect(page.body.items.length).toBeLessThanOrEqual(1);
      seen.push(...page.body.items);
      cursor = page.body.nextCursor;
    } while (cursor !== null && seen.length < 50);
    expect(seen.filter((e) => e.action !== 'admin.audit.read').map((e) => e.action)).toEqual([
      'admin.user.read',
      'admin.user.searched',
    ]);
    expect(seen.every((e) => e.subjectUserId === member.id && e.requestId)).toBe(true);
    expect(
      await Db.rows(
        "SELECT id FROM audit_events WHERE action = 'admin.audit.read' AND subject_user_id = ?",
        [member.id],
      ),
    ).not.toHaveLength(0);
  });

  it('changes a role in the same transaction as its audit row, ends the member’s sessions and reports role_changed through the security events', async () => {
    const member = await signUpAndLogIn(api, 'promoted');
    const adminId = (await api.get('/users/me', { token: admin })).body.id as string;
    const before = await metricSum(app.url, 'hexashop_security_events_total', {
      event: 'role_changed',
    });
    const changed = await api.patch(
      `/admin/users/${member.id}/role`,
      { role: 'ADMIN' },
      { token: admin },
    );
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ id: member.id, role: 'ADMIN' });
    expect((await api.get('/users/me', { token: member.accessToken })).status).toBe(401);
    expect(
      (await api.patch(`/admin/users/${member.id}/role`, { role: 'OWNER' }, { token: admin }))
        .status,
    ).toBe(400);

    const [row] = await Db.rows<{ action: string; actor_role: string }>(
      "SELECT action, actor_role FROM audit_events WHERE subject_user_id = ? AND action = 'admin.user.role-changed'",
      [member.id],
    );
    expect(row).toEqual({ action: 'admin.user.role-changed', actor_role: 'ADMIN' });
    // ADR 0025: one security event (log line + counter) per change, actor and subject ids only.
    expect(
      await metricSum(app.url, 'hexashop_security_events_total', { event: 'role_changed' }),
    ).toBe(before + 1);
    const events = app
      .logs()
      .split('\n')
      .filter((line) => line.includes('"securityEvent":"role_changed"'))
      .map((line) => JSON.parse(line) as Record<string, unknown>)
      .filter((event) => event.subjectUserId === member.id);
    expect(events).toEqual([
      expect.objectContaining({ userId: adminId, from: 'CUSTOMER', to: 'ADMIN' }),
    ]);
    expect(JSON.stringify(events)).not.toContain(member.email);
  });

  it('fails closed: 503 and no data when the audit row cannot be written', async () => {
    const member = await signUpAndLogIn(api, 'closed');
    const blocker: PoolConnection = await Db.primary().getConnection();
    try {
      await blocker.query('LOCK TABLES audit_events WRITE');
      const response = await api.get(`/admin/users/${member.id}`, { token: admin });
      expect(response.status).toBe(503);
      expect(response.body.code).toBe('SERVICE_UNAVAILABLE');
      expect(response.text).not.toContain(member.email);
    } finally {
      await blocker.query('UNLOCK TABLES');
      blocker.release();
    }
  });

  it('is append-only for the API’s database account: UPDATE and DELETE are refused', async () => {
    const [event] = await Db.rows<{ id: string }>('SELECT id FROM audit_events LIMIT 1');
    expect(event).toBeDefined();
    await expect(
      Db.primary().query("UPDATE audit_events SET action = 'forged' WHERE id = ?", [event!.id]),
    ).rejects.toThrow(/append-only/);
    await expect(
      Db.primary().query('DELETE FROM audit_events WHERE id = ?', [event!.id]),
    ).rejects.toThrow(/append-only/);
    expect(await Db.rows('SELECT id FROM audit_events WHERE id = ?', [event!.id])).toHaveLength(1);
  });
});
