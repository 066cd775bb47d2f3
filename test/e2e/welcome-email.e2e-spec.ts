import Bull from 'bull';
import { AppProcess, startApi, startWorker } from '../support/app-process';
import { Db } from '../support/db';
import { emailIndex } from '../support/personal-data';
import { logInAsAdmin, uniqueEmail, waitUntil } from '../support/fixtures';
import { apiClient, HttpClient } from '../support/http';
import { SmtpSink } from '../support/smtp';
import { Stack } from '../support/stack';
import { requireEnv } from '../support/env';

async function registeredEvent(email: string): Promise<{ id: string; payload: unknown }> {
  let event: { id: string; payload: unknown } | undefined;
  await waitUntil(async () => {
    const rows = await Db.rows<{ id: string; payload: unknown }>(
      "SELECT id, payload FROM outbox_events WHERE type = 'identity.user-registered.v2' AND aggregate_id = (SELECT id FROM users WHERE email_bidx = ?)",
      [emailIndex(email)],
    );
    event = rows[0];
    return event !== undefined;
  });
  if (!event) throw new Error(`no UserRegistered event for ${email}`);
  return event;
}

describe('Welcome e-mail through the outbox (e2e)', () => {
  let api: AppProcess;
  let workers: AppProcess[];
  let client: HttpClient;

  beforeAll(async () => {
    api = await startApi({}, { waitFor: 'ready' });
    // Two workers: two outbox relays and two sets of processors compete for the same events.
    workers = await Promise.all([
      startWorker({}, { waitFor: 'ready' }),
      startWorker({}, { waitFor: 'ready' }),
    ]);
    client = apiClient(api.url);
  });

  afterAll(async () => {
    await Stack.start('smtp');
    await Promise.all([api.stop(), ...workers.map((worker) => worker.stop())]);
    await Db.end();
  });

  it('arrives exactly once with two relays running, with the event id as Message-ID', async () => {
    const emails = Array.from({ length: 10 }, () => uniqueEmail('welcome'));
    await Promise.all(
      emails.map((email) =>
        client.post('/auth/signup', { email, password: 'password-123', name: 'Wel Come' }),
      ),
    );
    for (const email of emails) expect(await SmtpSink.waitFor(email, /Welcome/)).toHaveLength(1);
    // Give any duplicate time to show up before counting again.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    for (const email of emails) {
      const mails = await SmtpSink.messagesTo(email);
      expect(mails).toHaveLength(1);
      const event = await registeredEvent(email);
      expect(mails[0]?.messageId).toBe(`<${event.id}@hexashop>`);
      expect(mails[0]?.text).toContain('Wel Come');
    }
  });

  it('is sent once even when its job runs a second time', async () => {
    const email = uniqueEmail('twice');
    await client.post('/auth/signup', { email, password: 'password-123', name: 'Twice' });
    expect(await SmtpSink.waitFor(email, /Welcome/)).toHaveLength(1);
    const event = await registeredEvent(email);
    const payload = typeof event.payload === 'string' ? JSON.parse(event.payload) : event.payload;
    // A duplicate delivery of the same event (what a retry or a stalled job looks like to the processor).
    const queue = new Bull('notifications', requireEnv('REDIS_URL'), { prefix: 'bull' });
    try {
      const job = await queue.add(
        'welcome-email',
        {
          eventId: event.id,
          type: 'identity.user-registered.v2',
          aggregateType: 'user',
          aggregateId: 'x',
          occurredAt: new Date().toISOString(),
          payload,
        },
        { jobId: `${event.id}-duplicate`, attempts: 1 },
      );
      await job.finished();
    } finally {
      await queue.close();
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await SmtpSink.messagesTo(email)).toHaveLength(1);
  });

  it('retries through an SMTP outage, becomes a dead letter after the last attempt, and is delivered by a redrive', async () => {
    await Stack.stop('smtp');
    const email = uniqueEmail('dead');
    expect(
      (await client.post('/auth/signup', { email, password: 'password-123', name: 'Dead Letter' }))
        .status,
    ).toBe(201);
    const event = await registeredEvent(email);

    let letter: { id: string; attempts: number; status: string } | undefined;
    const dead = await waitUntil(async () => {
      const rows = await Db.rows<{ id: string; attempts: number; status: string }>(
        'SELECT id, attempts, status FROM dead_letters WHERE job_id = ?',
        [event.id],
      );
      letter = rows[0];
      return letter !== undefined;
    }, 30_000);
    expect(dead).toBe(true);
    expect(letter?.attempts).toBe(3);
    expect(letter?.status).toBe('DEAD');

    const admin = await logInAsAdmin(client);
    const list = await client.get('/admin/dead-letters?limit=100', { token: admin });
    expect(list.status).toBe(200);
    expect(list.body.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          id: letter?.id,
          jobId: event.id,
          queue: 'notifications',
          jobName: 'welcome-email',
          status: 'DEAD',
        }),
      ]),
    );
    const queues = await client.get('/admin/queues', { token: admin });
    expect(queues.status).toBe(200);
    expect(queues.body.queues.map((q: { name: string }) => q.name)).toEqual(
      expect.arrayContaining(['notifications']),
    );

    await Stack.start('smtp');
    expect(await SmtpSink.messagesTo(email)).toHaveLength(0);
    const redrive = await client.post(`/admin/dead-letters/${letter?.id}/redrive`, undefined, {
      token: admin,
    });
    expect(redrive.status).toBe(202);
    expect(await SmtpSink.waitFor(email, /Welcome/, 1, 20_000)).toHaveLength(1);
    expect(
      await waitUntil(
        async () =>
          (
            await Db.rows<{ status: string }>('SELECT status FROM dead_letters WHERE id = ?', [
              letter?.id,
            ])
          )[0]?.status === 'REDRIVEN',
      ),
    ).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(await SmtpSink.messagesTo(email)).toHaveLength(1);
  });
});
