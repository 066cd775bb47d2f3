import { ProbeResult } from '../platform/database/writable-probe';
import { AskNode, findWritableNode } from './writable-node';

const A = 'mysql://app:pw@10.0.0.1:3306/shop';
const B = 'mysql://app:pw@10.0.0.2:3306/shop';
const C = 'mysql://app:pw@10.0.0.3:3307/shop';

/** Fake nodes: what each URL answers; records who was asked. */
function nodes(answers: Record<string, ProbeResult>): AskNode & { asked: string[] } {
  const asked: string[] = [];
  const ask = async (url: string) => {
    asked.push(url);
    await Promise.resolve();
    return answers[url] === 'down'
      ? { result: 'down' as const, error: 'connect ECONNREFUSED' }
      : { result: answers[url]! };
  };
  return Object.assign(ask, { asked });
}

describe('findWritableNode (db:migrate after a failover, ADR 0065)', () => {
  it('takes DATABASE_URL while it is the one writable node', async () => {
    const { chosen } = await findWritableNode([A, B], nodes({ [A]: 'writable', [B]: 'read-only' }));
    expect(chosen.url).toBe(A);
  });

  it('takes the promoted replica when DATABASE_URL is down or fenced', async () => {
    const down = await findWritableNode(
      [A, B, C],
      nodes({ [A]: 'down', [B]: 'writable', [C]: 'read-only' }),
    );
    expect([down.chosen.url, down.chosen.name]).toEqual([B, '10.0.0.2:3306']);
    const fenced = await findWritableNode([A, B], nodes({ [A]: 'read-only', [B]: 'writable' }));
    expect(fenced.chosen.url).toBe(B);
  });

  it('refuses a split brain: two writable nodes, nothing chosen', async () => {
    await expect(
      findWritableNode([A, B, C], nodes({ [A]: 'writable', [B]: 'read-only', [C]: 'writable' })),
    ).rejects.toThrow(
      /several database nodes take writes \(10\.0\.0\.1:3306, 10\.0\.0\.3:3307\): split brain/,
    );
  });

  it('refuses when no node takes writes, saying what each answered', async () => {
    await expect(
      findWritableNode([A, B], nodes({ [A]: 'down', [B]: 'read-only' })),
    ).rejects.toThrow(
      'no database node takes writes (10.0.0.1:3306 down: connect ECONNREFUSED, 10.0.0.2:3306 read-only)',
    );
    await expect(findWritableNode([A], nodes({ [A]: 'read-only' }))).rejects.toThrow(
      'no database node takes writes (10.0.0.1:3306 read-only)',
    );
  });

  it('asks each node once, even when DATABASE_URL is also listed as a replica', async () => {
    const ask = nodes({ [A]: 'writable', [B]: 'read-only' });
    await findWritableNode([A, B, A, ''], ask);
    expect(ask.asked.sort()).toEqual([A, B]);
  });
});
