import { startApi, startWorker } from '../support/app-process';
import { signUpAndLogIn } from '../support/fixtures';
import { apiClient } from '../support/http';

describe('Graceful shutdown (e2e)', () => {
  it('on SIGTERM: readiness 503 at once (well inside the drain), no failed request during the drain, exit within drain + 5 s', async () => {
    const drainMs = 2_000;
    const app = await startApi({ SHUTDOWN_DRAIN_MS: String(drainMs) }, { waitFor: 'ready' });
    const client = apiClient(app.url);
    const user = await signUpAndLogIn(client, 'drain');

    const results: Array<{ startedAt: number; ok: boolean; status: number }> = [];
    let streaming = true;
    const loops = Array.from({ length: 8 }, async () => {
      while (streaming) {
        const startedAt = Date.now();
        try {
          const response = await client.get('/users/me', {
            token: user.accessToken,
            timeoutMs: 5_000,
          });
          results.push({ startedAt, ok: response.status === 200, status: response.status });
        } catch {
          results.push({ startedAt, ok: false, status: 0 });
        }
      }
    });
    await new Promise((resolve) => setTimeout(resolve, 500));

    const sigtermAt = Date.now();
    app.process.kill('SIGTERM');
    let notReadyAfter = Infinity;
    while (Date.now() - sigtermAt < 1_000) {
      const response = await fetch(`${app.url}/health/ready`).catch(() => undefined);
      if (response?.status === 503) {
        notReadyAfter = Date.now() - sigtermAt;
        break;
      }
    }
    const code = await app.exited;
    const exitedAfter = Date.now() - sigtermAt;
    streaming = false;
    await Promise.all(loops);

    // Readiness flips synchronously in the signal handler (measured ~10 ms on
    // an idle machine); the margin absorbs a shared 2-core box at load 10+.
    // What matters: far inside the drain, so the balancer has the drain to notice.
    expect(notReadyAfter).toBeLessThan(1_000);
    const duringDrain = results.filter(
      (r) => r.startedAt >= sigtermAt && r.startedAt < sigtermAt + drainMs - 100,
    );
    expect(duringDrain.length).toBeGreaterThan(50);
    expect(duringDrain.filter((r) => !r.ok)).toEqual([]);
    expect(results.filter((r) => r.startedAt < sigtermAt).every((r) => r.ok)).toBe(true);
    expect(code).toBe(0);
    expect(exitedAfter).toBeLessThan(drainMs + 5_000);
    expect(exitedAfter).toBeGreaterThanOrEqual(drainMs);
  });

  it('the worker drains the same way and exits cleanly', async () => {
    const worker = await startWorker({ SHUTDOWN_DRAIN_MS: '500' }, { waitFor: 'ready' });
    const sigtermAt = Date.now();
    worker.process.kill('SIGTERM');
    // The signal reaches the process asynchronously: a probe sent in the same
    // instant may still be answered 200. Within 1 s readiness must have
    // flipped: 503, or nothing listening once the worker closed its port.
    let readiness: number | 'closed' = 200;
    while (readiness === 200 && Date.now() - sigtermAt < 1_000) {
      readiness = await fetch(`${worker.url}/health/ready`).then(
        (response) => response.status,
        () => 'closed' as const,
      );
    }
    expect([503, 'closed']).toContain(readiness);
    expect(await worker.exited).toBe(0);
    expect(Date.now() - sigtermAt).toBeLessThan(500 + 5_000);
  });
});
