/** Reading the API's Prometheus text; shared by the bench and the e2e tests (test/support/metrics.ts). */

/**
 * Sums the samples of a Prometheus counter whose labels include all of `labels`.
 * Throws when the process does not export `name` at all, so a renamed metric
 * fails loudly instead of reading as 0.
 */
export async function counterValue(
  origin: string,
  name: string,
  labels: Record<string, string> = {},
): Promise<number> {
  const text = await (await fetch(`${origin}/metrics`)).text();
  if (!text.includes(`\n# TYPE ${name} `) && !text.startsWith(`# TYPE ${name} `))
    throw new Error(`${origin}/metrics exports no metric named ${name}`);
  let sum = 0;
  for (const line of text.split('\n')) {
    if (!line.startsWith(`${name}{`) && !line.startsWith(`${name} `)) continue;
    if (Object.entries(labels).every(([key, value]) => line.includes(`${key}="${value}"`)))
      sum += Number(line.slice(line.lastIndexOf(' ') + 1));
  }
  return sum;
}
