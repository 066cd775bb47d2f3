import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const ROOT = join(__dirname, '..', '..');
const STACK = join(ROOT, 'scripts', 'stack.sh');

export type Service = 'primary' | 'replica' | 'redis' | 'smtp';

async function stack(...args: string[]): Promise<string> {
  const { stdout } = await run(
    'bash',
    [STACK, '--profile', process.env.STACK_PROFILE ?? 'test', ...args],
    {
      cwd: ROOT,
      timeout: 90_000,
    },
  );
  return stdout;
}

/** The test stack, driven through the project's own scripts (fault injection). */
export const Stack = {
  stop: (service: Service): Promise<string> => stack('stop', service),
  start: (service: Service): Promise<string> => stack('start', service),
  /** Runs SQL as root on a node; rows come back tab-separated. */
  sql: (node: 'primary' | 'replica', statement: string): Promise<string> =>
    stack('sql', node, statement),
  waitReplica: (): Promise<string> => stack('wait-replica'),
  /** SIGKILL, SIGSTOP (frozen: connections accepted, nothing answered) or SIGCONT a node. */
  signal: (node: 'primary' | 'replica', signal: 'KILL' | 'STOP' | 'CONT'): Promise<string> =>
    stack('signal', node, signal),
  /** npm run db:failover: fences `from`, promotes the other instance; prints timings. */
  failover: (to: 'primary' | 'replica' = 'replica'): Promise<string> =>
    stack('failover', '--to', to),
  /** Wipes `node` and makes it a replica of the writable other one (after a crash). */
  rebuildReplica: (node: 'primary' | 'replica'): Promise<string> => stack('rebuild-replica', node),
  /** After a planned switchover: the fenced old primary replicates from the new one. */
  rejoin: (node: 'primary' | 'replica'): Promise<string> => stack('rejoin', node),
  restoreRoles: (): Promise<string> => stack('restore-roles'),
};

/** Makes the replica stop applying events until `resume` (simulated lag). */
export async function pauseReplication(): Promise<void> {
  await Stack.sql('replica', 'STOP SLAVE SQL_THREAD');
}

export async function resumeReplication(): Promise<void> {
  await Stack.sql('replica', 'START SLAVE SQL_THREAD');
  await Stack.waitReplica();
}
