import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string };
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

/** Our personal-data code: sealing, opening, blind indexes (and the Node crypto they call); FRAMES overrides. */
const PERSONAL_DATA = new RegExp(
  process.env.FRAMES ?? String.raw`platform/crypto/(field-cipher|blind-index)\.js$`,
);

/**
 * `node dist/load/crypto-share.js <file.cpuprofile> [startUs endUs]...`: the
 * share of the API main thread's sampled time spent inside the personal-data
 * crypto (inclusive: FieldCipher and BlindIndex frames and everything they
 * call, i.e. HKDF, AES-GCM, HMAC), per measured window (as printed by
 * `npm run bench -- --cpu-prof`); `FRAMES=<regex>` counts other script
 * URLs instead. Unlike µs per request, a share of the same
 * process's samples does not move with the machine's load, so it bounds the
 * encryption's cost on a shared machine: extra CPU ≈ share / (1 − share).
 */
function main(): void {
  const [file, ...bounds] = process.argv.slice(2);
  if (!file) throw new Error('usage: crypto-share <file.cpuprofile> [startUs endUs]...');
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const parent = new Map<number, number>();
  for (const node of profile.nodes)
    for (const child of node.children ?? []) parent.set(child, node.id);
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const inside = new Map<number, boolean>();
  const isInside = (id: number): boolean => {
    const known = inside.get(id);
    if (known !== undefined) return known;
    const node = byId.get(id)!;
    const up = parent.get(id);
    const result = PERSONAL_DATA.test(node.callFrame.url) || (up !== undefined && isInside(up));
    inside.set(id, result);
    return result;
  };
  const idle = (id: number): boolean => byId.get(id)!.callFrame.functionName === '(idle)';
  const windows: Array<[number, number]> = [];
  for (let i = 0; i + 1 < bounds.length; i += 2)
    windows.push([Number(bounds[i]), Number(bounds[i + 1])]);
  if (windows.length === 0) windows.push([-Infinity, Infinity]);
  for (const [from, to] of windows) {
    let at = profile.startTime;
    let busy = 0;
    let crypto = 0;
    for (let i = 0; i < profile.samples.length; i += 1) {
      at += profile.timeDeltas[i]!;
      if (at < from || at > to) continue;
      const id = profile.samples[i]!;
      const delta = profile.timeDeltas[i + 1] ?? 0;
      if (idle(id)) continue;
      busy += delta;
      if (isInside(id)) crypto += delta;
    }
    const share = busy === 0 ? 0 : crypto / busy;
    process.stdout.write(
      `window ${from}..${to}: main thread busy ${(busy / 1000).toFixed(0)} ms, personal-data crypto ${(crypto / 1000).toFixed(1)} ms = ${(share * 100).toFixed(2)}% (≈ +${((share / (1 - share)) * 100).toFixed(2)}% CPU over the same code without it)\n`,
    );
  }
}

main();
