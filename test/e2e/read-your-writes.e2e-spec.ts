import { emailIndex } from '../support/personal-data';
import { AppProcess, startApi } from '../support/app-process';
import { Db } from '../support/db';
import { signUpAndLogIn, uniqueEmail } from '../support/fixtures';
import { apiClient, HttpClient } from '../support/http';
import { Stack } from '../support/stack';

async function readsBy(app: AppProcess, target: string, reason: string): Promise<number> {
  const text = await (await fetch(`${app.url}/metrics`)).text();
  const match = new RegExp(
    `hexashop_db_reads_total\\{target="${target}",reason="${reason}"\\} (\\d+)`,
  ).exec(text);
  return match ? Number(match[1]) : 0;
}

describe('Read routing and read-your-writes (e2e)', () => {
  let app: AppProcess;
  let api: HttpClient;

  beforeAll(async () => {
    app = await startApi({}, { waitFor: 'ready' });
    api = apiClient(app.url);
  });

  afterAll(async () => {
    await Stack.sql('replica', 'STOP SLAVE; CHANGE MASTER TO MASTER_DELAY=0; START SLAVE');
    await Stack.waitReplica();
    await app.stop();
    await Db.end();
  });

  it('serves a user without recent writes from the replica', async () => {
    const user = await signUpAndLogIn(api, 'replica-reader');
    // Once the replica has applied the user's writes, their reads leave the primary.
    await Stack.waitReplica();
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const before = await readsBy(app, 'replica', 'default');
    expect((await api.get('/users/me', { token: user.accessToken })).status).toBe(200);
    expect(await readsBy(app, 'replica', 'default')).toBe(before + 1);
  });

  it('lets a user sign up, log in and read their profile at once while the replica lags 3 s', async () => {
    await Stack.sql('replica', 'STOP SLAVE; CHANGE MASTER TO MASTER_DELAY=3; START SLAVE');
    const email = uniqueEmail('lagging');
    const password = 'password-123';
    const signUp = await api.post('/auth/signup', { email, password, name: 'Laggy' });
    expect(signUp.status).toBe(201);
    const login = await api.post('/auth/login', { email, password });
    expect(login.status).toBe(200);
    const before = await readsBy(app, 'primary', 'read_your_writes');
    const me = await api.get('/users/me', { token: login.body.accessToken });
    expect(me.status).toBe(200);
    expect(me.body.email).toBe(email);
    expect(await readsBy(app, 'primary', 'read_your_writes')).toBe(before + 1);
    // The replica really is behind: the new account is not there yet.
    expect(
      await Db.rows('SELECT id FROM users WHERE email_bidx = ?', [emailIndex(email)], 'replica'),
    ).toHaveLength(0);
    // ...and arrives once the delay has passed.
    await new Promise((resolve) => setTimeout(resolve, 4_000));
    expect(
      await Db.rows('SELECT id FROM users WHERE email_bidx = ?', [emailIndex(email)], 'replica'),
    ).toHaveLength(1);
  });
});
