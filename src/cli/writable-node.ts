import { createConnection, RowDataPacket, SslOptions } from 'mysql2/promise';
import { nodeName } from '../platform/database/database-topology';
import { mysqlSsl } from '../platform/database/typeorm-options';
import { ProbeResult } from '../platform/database/writable-probe';

/** How long a CLI waits for one node's `SELECT @@read_only` (a frozen node counts as down). */
export const CLI_PROBE_TIMEOUT_MS = 3_000;

/** One candidate's answer, as a CLI reports it. */
export interface NodeAnswer {
  readonly url: string;
  readonly name: string;
  readonly result: ProbeResult;
  readonly error?: string;
}

/** Asks one node whether it takes writes. */
export type AskNode = (url: string) => Promise<Omit<NodeAnswer, 'url' | 'name'>>;

/**
 * The node a command that writes the schema or data must use, decided like
 * DatabaseTopology decides where commands go (ADR 0016, 0065): every
 * candidate (`DATABASE_URL`, then `DATABASE_REPLICA_URLS`) is asked
 * `SELECT @@read_only`; exactly one answering 0 is the primary. None: there
 * is no primary (error). Two or more: split brain, nothing is chosen (error).
 */
export async function findWritableNode(
  candidates: readonly string[],
  ask: AskNode = askNode,
): Promise<{ chosen: NodeAnswer; answers: readonly NodeAnswer[] }> {
  const urls = candidates.filter((url, index, all) => url && all.indexOf(url) === index);
  const answers = await Promise.all(
    urls.map(async (url) => ({ url, name: nodeName(url), ...(await ask(url)) })),
  );
  const writable = answers.filter((answer) => answer.result === 'writable');
  if (writable.length > 1) {
    throw new Error(
      `several database nodes take writes (${writable.map((a) => a.name).join(', ')}): ` +
        'split brain, nothing was changed; make all but one read-only first (runbook, "Primary down and failover")',
    );
  }
  if (writable.length === 0) {
    throw new Error(`no database node takes writes (${describeAnswers(answers)})`);
  }
  return { chosen: writable[0], answers };
}

/** "127.0.0.1:3316 down: connect ECONNREFUSED, 127.0.0.1:3317 read-only" */
export function describeAnswers(answers: readonly NodeAnswer[]): string {
  return answers
    .map((a) => `${a.name} ${a.result}${a.result === 'down' && a.error ? `: ${a.error}` : ''}`)
    .join(', ');
}

/**
 * `SELECT @@global.read_only` on one node, over its own connection with the
 * TLS settings of the URL (ssl-mode, ssl-ca), within CLI_PROBE_TIMEOUT_MS.
 */
async function askNode(url: string): Promise<Omit<NodeAnswer, 'url' | 'name'>> {
  const parsed = new URL(url);
  let timer: NodeJS.Timeout | undefined;
  const connecting = createConnection({
    host: parsed.hostname,
    port: Number(parsed.port || 3306),
    user: decodeURIComponent(parsed.username),
    password: decodeURIComponent(parsed.password),
    ssl: mysqlSsl(url) as SslOptions | undefined, // the options typeorm hands to mysql2
    connectTimeout: CLI_PROBE_TIMEOUT_MS,
  });
  try {
    const answer = connecting.then(async (connection) => {
      const [rows] = await connection.query<RowDataPacket[]>('SELECT @@global.read_only AS ro');
      return Number(rows[0]?.ro) === 0 ? ('writable' as const) : ('read-only' as const);
    });
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`no answer within ${CLI_PROBE_TIMEOUT_MS} ms`)),
        CLI_PROBE_TIMEOUT_MS,
      );
    });
    return { result: await Promise.race([answer, deadline]) };
  } catch (error) {
    return { result: 'down', error: (error as Error).message };
  } finally {
    clearTimeout(timer);
    // also a connection that completes after the deadline: the CLI must not wait for it
    void connecting.then(
      (connection) => connection.destroy(),
      () => undefined,
    );
  }
}
