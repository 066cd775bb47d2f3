import { packageVersion } from '../../src/version';
import { AppProcess, startApi, startWorker } from '../support/app-process';
import { waitUntil } from '../support/fixtures';
import { metricFamilies, samples, scrape } from '../support/metrics';

const STANDARD = /^(?:process_|nodejs_)/;

/** Processes that export at least one sample of `name`. */
async function exporters(processes: AppProcess[], name: string): Promise<string[]> {
  const texts = await Promise.all(processes.map((process) => scrape(process.url)));
  return processes
    .filter((_, index) => samples(texts[index]!, name).length > 0)
    .map((process) => process.url);
}

describe('Prometheus metrics: names and shared state (e2e)', () => {
  let api: AppProcess;
  let workers: AppProcess[];

  beforeAll(async () => {
    [api, ...workers] = await Promise.all([
      startApi({}, { waitFor: 'ready' }),
      startWorker({}, { waitFor: 'ready' }),
      startWorker({}, { waitFor: 'ready' }),
    ]);
  });

  afterAll(async () => {
    await Promise.all([api, ...workers].map((process) => process.stop()));
  });

  it('names every metric of the API and the worker hexashop_*, besides the standard process/Node ones and app_build_info', async () => {
    for (const process of [api, workers[0]!]) {
      const names = [...metricFamilies(await scrape(process.url)).keys()];
      expect(names.length).toBeGreaterThan(20);
      const foreign = names.filter(
        (name) =>
          !name.startsWith('hexashop_') && !STANDARD.test(name) && name !== 'app_build_info',
      );
      expect(foreign).toEqual([]);
    }
  });

  it('exports app_build_info with the package version and the Node.js version', async () => {
    const [info] = samples(await scrape(api.url), 'app_build_info');
    expect(info?.value).toBe(1);
    expect(info?.labels).toMatchObject({
      service: 'hexashop',
      version: packageVersion(),
      node_version: process.version,
    });
  });

  it('exports queue depths, outbox backlog and dead letters from exactly one process, and hands them over when it stops', async () => {
    const shared = [
      'hexashop_queue_jobs',
      'hexashop_outbox_pending_events',
      'hexashop_outbox_oldest_pending_age_seconds',
      'hexashop_dead_letters',
    ];
    const all = [api, ...workers];
    let found: string[] = [];
    // A lease left by a killed process expires within SHARED_STATE_LEASE_MS (15 s).
    const elected = await waitUntil(async () => {
      found = await exporters(all, 'hexashop_queue_jobs');
      return found.length === 1;
    }, 20_000);
    expect(elected).toBe(true);
    const holder = workers.find((worker) => worker.url === found[0]);
    expect(holder).toBeDefined();
    for (const name of shared)
      expect({ name, by: await exporters(all, name) }).toEqual({ name, by: found });
    const depths = samples(await scrape(holder!.url), 'hexashop_queue_jobs');
    expect(depths.map((sample) => sample.labels.state)).toEqual(
      expect.arrayContaining(['waiting', 'active', 'failed', 'delayed']),
    );

    // The holder gives the lease back on shutdown; the other worker takes it within a renewal.
    await holder!.stop();
    const other = workers.find((worker) => worker !== holder)!;
    const handedOver = await waitUntil(
      async () => (await exporters([api, other], 'hexashop_queue_jobs')).length === 1,
      10_000,
    );
    expect(handedOver).toBe(true);
    expect(await exporters([api, other], 'hexashop_outbox_pending_events')).toEqual([other.url]);
  });
});
