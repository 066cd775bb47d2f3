/** Sums the samples of a Prometheus counter whose labels include all of `labels`. */
export { counterValue as metricSum } from '../load/prometheus';

/** One sample line of the Prometheus text format. */
export interface Sample {
  readonly name: string;
  readonly labels: Record<string, string>;
  readonly value: number;
}

/** The metric families a process declares (`# TYPE` lines), with their types. */
export function metricFamilies(text: string): Map<string, string> {
  const families = new Map<string, string>();
  for (const line of text.split('\n')) {
    const match = /^# TYPE (\S+) (\S+)/.exec(line);
    if (match) families.set(match[1]!, match[2]!);
  }
  return families;
}

/** Every sample of `name` (exact sample name, e.g. `x_bucket` for a histogram's buckets). */
export function samples(text: string, name: string): Sample[] {
  const found: Sample[] = [];
  for (const line of text.split('\n')) {
    const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)/.exec(line);
    if (!match || match[1] !== name) continue;
    const labels: Record<string, string> = {};
    for (const pair of (match[2] ?? '').matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g))
      labels[pair[1]!] = pair[2]!;
    found.push({ name, labels, value: Number(match[3]) });
  }
  return found;
}

/** The /metrics text of a process. */
export async function scrape(origin: string): Promise<string> {
  return (await fetch(`${origin}/metrics`)).text();
}
