import { Connection, createConnection, RowDataPacket } from 'mysql2/promise';
import { mysqlNodeOptions } from './typeorm-options';

export type ProbeResult = 'writable' | 'read-only' | 'down';

/** The parts of a mysql2 connection a probe closes by hand. */
interface ConnectionInternals {
  connection?: { stream?: { destroy?: (error?: Error) => void } };
}

/**
 * One dedicated connection to one database node, asking `SELECT @@read_only`
 * with a deadline of its own. Kept apart from the application's pools, so a
 * busy pool never looks like a dead node. A probe that misses its deadline
 * closes its socket (a frozen node would keep the query forever) and
 * reconnects on the next check. It connects with the pools' TLS settings
 * (`ssl-mode`, `ssl-ca` of the URL).
 */
export class WritableProbe {
  private connection: Connection | undefined;
  private connecting: Promise<Connection> | undefined;
  lastError: string | undefined;

  constructor(
    readonly name: string,
    readonly url: string,
  ) {}

  async check(timeoutMs: number): Promise<ProbeResult> {
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<'timeout'>((resolve) => {
      // The decision waits for setImmediate: a reply that arrived while the
      // event loop was busy is read (poll phase) before the deadline counts.
      timer = setTimeout(() => setImmediate(() => resolve('timeout')), timeoutMs);
    });
    try {
      const outcome = await Promise.race([this.ask(timeoutMs), deadline]);
      if (outcome === 'timeout') {
        this.lastError = `no answer within ${timeoutMs} ms`;
        this.close();
        return 'down';
      }
      this.lastError = outcome === 'read-only' ? 'read_only is ON' : undefined;
      return outcome;
    } catch (error) {
      this.lastError = (error as Error).message;
      this.close();
      return 'down';
    } finally {
      clearTimeout(timer);
    }
  }

  close(): void {
    const connection = this.connection;
    this.connection = undefined;
    this.connecting = undefined;
    if (connection) {
      (connection as unknown as ConnectionInternals).connection?.stream?.destroy?.();
    }
  }

  private async ask(timeoutMs: number): Promise<'writable' | 'read-only'> {
    if (!this.connection) {
      this.connecting ??= createConnection(mysqlNodeOptions(this.url, timeoutMs));
      const connecting = this.connecting;
      const connection = await connecting;
      if (this.connecting !== connecting) {
        // closed while connecting (deadline passed): drop this late connection
        (connection as unknown as ConnectionInternals).connection?.stream?.destroy?.();
        throw new Error('probe closed');
      }
      connection.on('error', () => this.close());
      this.connection = connection;
      this.connecting = undefined;
    }
    const [rows] = await this.connection.query<RowDataPacket[]>('SELECT @@global.read_only AS ro');
    return Number(rows[0]?.ro) === 0 ? 'writable' : 'read-only';
  }
}
