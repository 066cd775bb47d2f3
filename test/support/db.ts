import { createPool, Pool, RowDataPacket } from 'mysql2/promise';
import { requireEnv } from './env';

let primary: Pool | undefined;
let replica: Pool | undefined;

/** Direct connections for assertions (as the application user). */
export const Db = {
  primary(): Pool {
    primary ??= createPool({ uri: requireEnv('DATABASE_URL'), connectionLimit: 5, timezone: 'Z' });
    return primary;
  },
  replica(): Pool {
    replica ??= createPool({
      uri: requireEnv('DATABASE_REPLICA_URLS').split(',')[0]!,
      connectionLimit: 2,
      timezone: 'Z',
    });
    return replica;
  },
  async rows<T = Record<string, unknown>>(
    sql: string,
    params: unknown[] = [],
    node: 'primary' | 'replica' = 'primary',
  ): Promise<T[]> {
    const [rows] = await (node === 'primary' ? Db.primary() : Db.replica()).query<RowDataPacket[]>(
      sql,
      params,
    );
    return rows as T[];
  },
  async end(): Promise<void> {
    await Promise.all([primary?.end(), replica?.end()]);
    primary = undefined;
    replica = undefined;
  },
};
