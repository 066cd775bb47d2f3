import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { ROOT } from './harness';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}

interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

export interface ProfileSummary {
  readonly totalMs: number;
  readonly functions: ReadonlyArray<{ name: string; ms: number; share: number }>;
  readonly areas: ReadonlyArray<{ name: string; ms: number; share: number }>;
}

/**
 * Self time per function and per area (npm package, Node internals, our code)
 * of a V8 .cpuprofile (`node --cpu-prof`). With `windowUs` (monotonic µs, the
 * clock V8 stamps samples with) only samples inside it count, so start-up and
 * shutdown do not blur the picture of a load run.
 */
export function summarizeProfile(
  file: string,
  windowUs?: readonly [number, number],
): ProfileSummary {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const selfUs = new Map<number, number>();
  let at = profile.startTime;
  let total = 0;
  for (let i = 0; i < profile.samples.length; i += 1) {
    at += profile.timeDeltas[i] ?? 0;
    const delta = profile.timeDeltas[i + 1] ?? 0;
    if (windowUs && (at < windowUs[0] || at > windowUs[1])) continue;
    const id = profile.samples[i]!;
    selfUs.set(id, (selfUs.get(id) ?? 0) + delta);
    total += delta;
  }
  const functions = new Map<string, number>();
  const areas = new Map<string, number>();
  for (const [id, us] of selfUs) {
    const frame = byId.get(id)!.callFrame;
    const where = location(frame.url);
    const name = `${frame.functionName || '(anonymous)'} ${where}${frame.url ? `:${frame.lineNumber + 1}` : ''}`;
    functions.set(name, (functions.get(name) ?? 0) + us);
    const area = areaOf(frame.url, frame.functionName);
    areas.set(area, (areas.get(area) ?? 0) + us);
  }
  const rank = (map: Map<string, number>) =>
    [...map.entries()]
      .sort((a, b) => b[1] - a[1])
      .map(([name, us]) => ({ name, ms: us / 1000, share: total ? us / total : 0 }));
  return { totalMs: total / 1000, functions: rank(functions), areas: rank(areas) };
}

function location(url: string): string {
  if (!url) return '';
  const path = url.replace(/^file:\/\//, '');
  const modules = path.lastIndexOf('node_modules/');
  if (modules >= 0) return path.slice(modules + 'node_modules/'.length);
  return path.startsWith('/') ? relative(ROOT, path) : path;
}

function areaOf(url: string, functionName: string): string {
  if (!url) return functionName.startsWith('(') ? functionName : '(native)';
  const path = url.replace(/^file:\/\//, '');
  const modules = path.lastIndexOf('node_modules/');
  if (modules >= 0) {
    const rest = path.slice(modules + 'node_modules/'.length).split('/');
    return rest[0]!.startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0]!;
  }
  if (path.startsWith('node:')) return 'node internals';
  if (path.includes('/dist/')) return 'hexashop (dist/)';
  return path;
}

export function formatSummary(summary: ProfileSummary, top = 25): string {
  const lines = [`CPU self time in the window: ${summary.totalMs.toFixed(0)} ms`, '', 'by area:'];
  for (const area of summary.areas.slice(0, 15))
    lines.push(`  ${(area.share * 100).toFixed(1).padStart(5)}%  ${area.name}`);
  lines.push('', `top ${top} functions (self time):`);
  for (const fn of summary.functions.slice(0, top))
    lines.push(`  ${(fn.share * 100).toFixed(1).padStart(5)}%  ${fn.name}`);
  return lines.join('\n');
}

// `node dist/load/cpu-profile.js <file.cpuprofile> [startUs endUs]`
if (require.main === module) {
  const [file, start, end] = process.argv.slice(2);
  if (!file) {
    process.stderr.write(
      'usage: node dist/load/cpu-profile.js <file.cpuprofile> [startUs endUs]\n',
    );
    process.exit(2);
  }
  const window = start && end ? ([Number(start), Number(end)] as const) : undefined;
  process.stdout.write(`${formatSummary(summarizeProfile(file, window), 40)}\n`);
}
