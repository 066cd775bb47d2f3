import { AppProcess, startApi, startWorker } from '../support/app-process';
import { uniqueEmail, waitUntil } from '../support/fixtures';
import { apiClient } from '../support/http';
import { SmtpSink } from '../support/smtp';
import { Stack } from '../support/stack';

describe('Redis outage (e2e)', () => {
  let api: AppProcess;
  let worker: AppProcess;

  beforeAll(async () => {
    api = await startApi({ RATE_LIMIT_RPM: '600' }, { waitFor: 'ready' });
    worker = await startWorker({}, { waitFor: 'ready' });
  });

  afterAll(async () => {
    await Stack.start('redis');
    await Promise.all([api.stop(), worker.stop()]);
  });

  it('keeps liveness, fails readiness, still signs up within 1 s, and sends the e-mail once Redis is back', async () => {
    await Stack.stop('redis');
    const client = apiClient(api.url);

    expect((await fetch(`${api.url}/health/live`)).status).toBe(200);
    expect(
      await waitUntil(async () => (await fetch(`${api.url}/health/ready`)).status === 503, 3_000),
    ).toBe(true);
    const ready = (await (await fetch(`${api.url}/health/ready`)).json()) as {
      error: Record<string, unknown>;
    };
    expect(ready.error).toHaveProperty('redis');

    const email = uniqueEmail('no-redis');
    const signUp = await client.post('/auth/signup', {
      email,
      password: 'password-123',
      name: 'Offline',
    });
    expect(signUp.status).toBe(201);
    expect(signUp.ms).toBeLessThan(1_000);
    const login = await client.post('/auth/login', { email, password: 'password-123' });
    expect(login.status).toBe(200);
    expect(login.ms).toBeLessThan(1_000);
    const me = await client.get('/users/me', { token: login.body.accessToken });
    expect(me.status).toBe(200);
    expect(me.ms).toBeLessThan(1_000);

    await Stack.start('redis');
    expect(
      await waitUntil(async () => (await fetch(`${api.url}/health/ready`)).status === 200, 10_000),
    ).toBe(true);
    const mails = await SmtpSink.waitFor(email, /Welcome/, 1, 30_000);
    expect(mails).toHaveLength(1);
  });
});
