import { readFileSync } from 'node:fs';
import { Agent, request } from 'node:https';
import { connect } from 'node:net';
import { requireEnv } from './env';
import { HttpClient, HttpResult, RequestOptions } from './http';

/** The CA that trusts the local HAProxy's self-signed certificate (stack.sh env LB_CA_FILE). */
export const lbCa = (): Buffer => readFileSync(requireEnv('LB_CA_FILE'));

/**
 * HttpClient over HTTPS through the stack's HAProxy (LB_URL), trusting its
 * local certificate, on kept-alive connections like a real client pool.
 */
export class HttpsClient extends HttpClient {
  private readonly agent: Agent;

  constructor(
    private readonly origin: string,
    private readonly prefix = '/api/v1',
  ) {
    super(origin + prefix);
    this.agent = new Agent({ keepAlive: true, ca: lbCa(), maxSockets: 32 });
  }

  override request<T = any>(
    method: string,
    path: string,
    body?: unknown,
    options: RequestOptions = {},
  ): Promise<HttpResult<T>> {
    const { headers, payload } = this.prepare(body, options);
    const url = new URL(this.origin + this.prefix + path);
    const started = Date.now();
    return new Promise((resolve, reject) => {
      const req = request(
        url,
        {
          method,
          headers,
          agent: this.agent,
          family: 4,
          timeout: options.timeoutMs ?? 15_000,
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('error', reject);
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            let parsed: unknown;
            try {
              parsed = text ? JSON.parse(text) : undefined;
            } catch {
              // Not JSON: callers look at `text`.
            }
            const responseHeaders = new Headers();
            for (const [name, value] of Object.entries(res.headers)) {
              if (value !== undefined)
                responseHeaders.set(name, Array.isArray(value) ? value.join(', ') : value);
            }
            resolve({
              status: res.statusCode ?? 0,
              headers: responseHeaders,
              body: parsed as T,
              text,
              ms: Date.now() - started,
            });
          });
        },
      );
      req.on('timeout', () =>
        req.destroy(new Error(`timeout after ${options.timeoutMs ?? 15_000} ms`)),
      );
      req.on('error', reject);
      req.end(payload);
    });
  }

  close(): void {
    this.agent.destroy();
  }
}

export interface LbServer {
  readonly name: string;
  readonly addr: string;
  /** UP, DOWN, MAINT, "UP 1/2" (going down), "DOWN 1/2" (coming up)... */
  readonly status: string;
}

/** One command on HAProxy's runtime API (the local stack's admin socket). */
export function haproxyCommand(command: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(requireEnv('LB_ADMIN_SOCKET'));
    let out = '';
    socket.setTimeout(5_000, () => socket.destroy(new Error('haproxy admin socket timeout')));
    socket.on('data', (data) => (out += data.toString()));
    socket.on('end', () => resolve(out));
    socket.on('error', reject);
    socket.end(`${command}\n`);
  });
}

/** api1/api2 as HAProxy sees them now. */
export async function lbServers(): Promise<LbServer[]> {
  const csv = await haproxyCommand('show stat');
  const lines = csv.split('\n');
  const header = (lines[0] ?? '').replace(/^# /, '').split(',');
  const col = (name: string): number => header.indexOf(name);
  return lines
    .slice(1)
    .map((line) => line.split(','))
    .filter((f) => f[col('pxname')] === 'api' && /^api\d$/.test(f[col('svname')] ?? ''))
    .map((f) => ({
      name: f[col('svname')]!,
      addr: f[col('addr')] ?? '',
      status: f[col('status')] ?? '',
    }));
}

/** Polls until `check` holds for the servers' states; returns the ms it took, or -1. */
export async function waitForLb(
  check: (servers: Record<string, string>) => boolean,
  timeoutMs = 20_000,
  intervalMs = 50,
): Promise<number> {
  const started = Date.now();
  for (;;) {
    const servers = Object.fromEntries((await lbServers()).map((s) => [s.name, s.status]));
    if (check(servers)) return Date.now() - started;
    if (Date.now() - started > timeoutMs) return -1;
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
