import { MetricsService } from './metrics.service';

describe(MetricsService.name, () => {
  let sut: MetricsService;

  beforeEach(() => {
    sut = new MetricsService();
  });

  it('refuses a metric name without the hexashop_ prefix, naming the rule', () => {
    expect(() => sut.counter('orders_placed_total', 'help')).toThrow(/hexashop_<area>_<what>/);
    expect(() => sut.gauge('queue_jobs', 'help')).toThrow(/ADR 0024/);
  });

  it('returns the same counter for the same name', () => {
    expect(sut.counter('hexashop_things_total', 'help')).toBe(
      sut.counter('hexashop_things_total', 'help'),
    );
  });

  it('collects a shared gauge only while this process exports shared state', async () => {
    let exporting = false;
    sut.decideSharedStateBy(() => exporting);
    let collected = 0;
    sut.sharedGauge('hexashop_backlog', 'help', ['queue'], (gauge) => {
      collected += 1;
      gauge.set({ queue: 'mail' }, 7);
    });

    expect(await sut.registry.metrics()).not.toMatch(/^hexashop_backlog/m);
    exporting = true;
    expect(await sut.registry.metrics()).toMatch(/^hexashop_backlog\{queue="mail"\} 7$/m);
    exporting = false;
    expect(await sut.registry.metrics()).not.toMatch(/^hexashop_backlog\{/m);
    expect(collected).toBe(1);
  });

  it('shows no sample of a label-less shared gauge while another process exports it', async () => {
    let exporting = false;
    sut.decideSharedStateBy(() => exporting);
    sut.sharedGauge('hexashop_pending', 'help', [], (gauge) => gauge.set(3));

    expect(await sut.registry.metrics()).not.toMatch(/^hexashop_pending /m);
    exporting = true;
    expect(await sut.registry.metrics()).toMatch(/^hexashop_pending 3$/m);
  });
});
