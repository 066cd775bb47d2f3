import { AppProcess, startApi, startWorker } from '../support/app-process';
import { Db } from '../support/db';
import { signUpAndLogIn, uniqueEmail } from '../support/fixtures';
import { apiClient, HttpClient } from '../support/http';
import { SmtpSink } from '../support/smtp';

/** The token a member e-mail carries (`token: …` line). */
function tokenIn(text: string | undefined): string {
  const match = /token: (\S+)/.exec(text ?? '');
  if (!match) throw new Error(`no token in ${text}`);
  return match[1]!;
}

describe('Member profile, password, e-mail change and reset (e2e)', () => {
  let api: AppProcess;
  let worker: AppProcess;
  let client: HttpClient;

  beforeAll(async () => {
    [api, worker] = await Promise.all([startApi({ TRUST_PROXY: 'true' }), startWorker()]);
    client = apiClient(api.url);
  });

  afterAll(async () => {
    await Promise.all([api.stop(), worker.stop()]);
    await Db.end();
  });

  // Failed logins count per client address in the shared Redis: this suite's come from its own
  // address, so they cannot push 127.0.0.1 over another suite's LOGIN_MAX_FAILURES.
  const logIn = (email: string, password: string) =>
    client.post(
      '/auth/login',
      { email, password },
      { headers: { 'x-forwarded-for': '10.77.0.1' } },
    );

  it('changes name and phone (E.164, null removes it), stored sealed', async () => {
    const user = await signUpAndLogIn(client, 'profile');
    const token = user.accessToken;

    const changed = await client.patch(
      '/users/me',
      { name: '  Jane Profile ', phone: '+821098765432' },
      { token },
    );
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({
      id: user.id,
      name: 'Jane Profile',
      phone: '+821098765432',
    });
    expect((await client.get('/users/me', { token })).body).toMatchObject({
      name: 'Jane Profile',
      phone: '+821098765432',
    });
    const [row] = await Db.rows<{ phone: string; name: string }>(
      'SELECT phone, name FROM users WHERE id = ?',
      [user.id],
    );
    expect(row?.phone).toMatch(/^e1\./);
    expect(row?.name).toMatch(/^e1\./);

    const bad = await client.patch('/users/me', { phone: '010-1234-5678' }, { token });
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('VALIDATION_FAILED');
    expect((await client.patch('/users/me', { name: '' }, { token })).status).toBe(400);

    const cleared = await client.patch('/users/me', { phone: null }, { token });
    expect(cleared.body).toMatchObject({ name: 'Jane Profile', phone: null });
  });

  it('changes the password: other sessions and their access tokens stop at once, the caller’s stay', async () => {
    const user = await signUpAndLogIn(client, 'passwd');
    const other = (await logIn(user.email, user.password)).body;

    const wrong = await client.post(
      '/users/me/password',
      { currentPassword: 'not-the-password', newPassword: 'brand-new-pass' },
      { token: user.accessToken },
    );
    expect(wrong.status).toBe(401);
    expect(wrong.body.code).toBe('INVALID_CREDENTIALS');

    const changed = await client.post(
      '/users/me/password',
      { currentPassword: user.password, newPassword: 'brand-new-pass' },
      { token: user.accessToken },
    );
    expect(changed.status).toBe(204);

    expect((await client.get('/users/me', { token: user.accessToken })).status).toBe(200);
    expect((await client.get('/users/me', { token: other.accessToken })).status).toBe(401);
    expect((await client.post('/auth/refresh', { refreshToken: other.refreshToken })).status).toBe(
      401,
    );
    expect((await client.post('/auth/refresh', { refreshToken: user.refreshToken })).status).toBe(
      200,
    );
    expect((await logIn(user.email, user.password)).status).toBe(401);
    expect((await logIn(user.email, 'brand-new-pass')).status).toBe(200);
  });

  it('changes the e-mail only after the link sent to the new address is used, once; the old address gets a notice', async () => {
    const user = await signUpAndLogIn(client, 'mover');
    const taken = await signUpAndLogIn(client, 'taken');
    const newEmail = uniqueEmail('moved');
    const token = user.accessToken;

    expect(
      (
        await client.post(
          '/users/me/email',
          { currentPassword: 'wrong-password', newEmail },
          { token },
        )
      ).status,
    ).toBe(401);
    const conflict = await client.post(
      '/users/me/email',
      { currentPassword: user.password, newEmail: taken.email },
      { token },
    );
    expect(conflict.status).toBe(409);
    expect(conflict.body.code).toBe('EMAIL_TAKEN');

    const asked = await client.post(
      '/users/me/email',
      { currentPassword: user.password, newEmail: newEmail.toUpperCase() },
      { token },
    );
    expect(asked.status).toBe(202);
    const [confirmation] = await SmtpSink.waitFor(newEmail, /Confirm your new/);
    expect(await SmtpSink.waitFor(user.email, /being changed/)).toHaveLength(1);
    const emailed = tokenIn(confirmation?.text);
    // Stored only as a hash; the new address only sealed.
    const [stored] = await Db.rows<{ token_hash: string; new_email: string }>(
      'SELECT token_hash, new_email FROM member_tokens WHERE user_id = ?',
      [user.id],
    );
    expect(stored?.token_hash).not.toContain(emailed);
    expect(stored?.new_email).toMatch(/^e1\./);

    expect((await logIn(newEmail, user.password)).status).toBe(401);
    expect((await client.post('/users/me/email/confirm', { token: emailed })).status).toBe(204);
    expect((await logIn(newEmail, user.password)).status).toBe(200);
    expect((await logIn(user.email, user.password)).status).toBe(401);
    expect((await client.get('/users/me', { token })).body.email).toBe(newEmail);

    const again = await client.post('/users/me/email/confirm', { token: emailed });
    expect(again.status).toBe(400);
    expect(again.body.code).toBe('TOKEN_INVALID');
    // The old address is free again.
    expect(
      (
        await client.post('/auth/signup', {
          email: user.email,
          password: 'password-123',
          name: 'Re',
        })
      ).status,
    ).toBe(201);
  });

  it('refuses an expired e-mail confirmation token', async () => {
    const user = await signUpAndLogIn(client, 'late');
    const newEmail = uniqueEmail('late-new');
    await client.post(
      '/users/me/email',
      { currentPassword: user.password, newEmail },
      { token: user.accessToken },
    );
    const [mail] = await SmtpSink.waitFor(newEmail, /Confirm your new/);
    await Db.primary().query(
      'UPDATE member_tokens SET expires_at = NOW(3) - INTERVAL 1 SECOND WHERE user_id = ?',
      [user.id],
    );
    const late = await client.post('/users/me/email/confirm', { token: tokenIn(mail?.text) });
    expect(late.status).toBe(400);
    expect(late.body.code).toBe('TOKEN_INVALID');
    expect((await logIn(user.email, user.password)).status).toBe(200);
  });

  it('resets a password by e-mail: 202 for known and unknown addresses alike, single use, every session ends', async () => {
    const user = await signUpAndLogIn(client, 'forgot');
    const unknown = uniqueEmail('nobody');

    const known = await client.post('/auth/password-reset', { email: user.email });
    const missing = await client.post('/auth/password-reset', { email: unknown });
    expect([known.status, missing.status]).toEqual([202, 202]);
    expect(known.text).toBe(missing.text);

    const [mail] = await SmtpSink.waitFor(user.email, /Reset your/);
    const token = tokenIn(mail?.text);
    expect(await SmtpSink.messagesTo(unknown)).toEqual([]);

    const short = await client.post('/auth/password-reset/confirm', {
      token,
      newPassword: 'short',
    });
    expect(short.status).toBe(400);
    const wrong = await client.post('/auth/password-reset/confirm', {
      token: 'not-a-token',
      newPassword: 'reset-password-1',
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.code).toBe('TOKEN_INVALID');

    const done = await client.post('/auth/password-reset/confirm', {
      token,
      newPassword: 'reset-password-1',
    });
    expect(done.status).toBe(204);
    expect((await client.get('/users/me', { token: user.accessToken })).status).toBe(401);
    expect((await logIn(user.email, user.password)).status).toBe(401);
    expect((await logIn(user.email, 'reset-password-1')).status).toBe(200);
    const reused = await client.post('/auth/password-reset/confirm', {
      token,
      newPassword: 'reset-password-2',
    });
    expect(reused.body.code).toBe('TOKEN_INVALID');
  });

  it('rate limits reset requests per address, the same way for unknown addresses', async () => {
    const member = await signUpAndLogIn(client, 'limit');
    for (const email of [member.email, uniqueEmail('limit-unknown')]) {
      const statuses: number[] = [];
      for (let i = 0; i < 4; i += 1)
        statuses.push((await client.post('/auth/password-reset', { email })).status);
      expect(statuses).toEqual([202, 202, 202, 429]);
    }
  });
});
