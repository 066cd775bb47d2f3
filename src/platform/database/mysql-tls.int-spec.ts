import { DataSource } from 'typeorm';
import { requireEnv } from '../../../test/support/env';
import { typeOrmOptions } from './typeorm-options';
import { WritableProbe } from './writable-probe';

/**
 * `ssl-mode` in DATABASE_URL reaches mysql2: against the local MariaDB, which
 * runs without TLS, REQUIRED fails the handshake instead of silently
 * connecting in clear text, and the same URL without it connects. (Compose's
 * MySQL 8.4 has TLS on with its own certificate: REQUIRED connects there.)
 */
describe('App to MySQL TLS (integration)', () => {
  const connect = async (url: string): Promise<DataSource> => {
    const dataSource = new DataSource({
      ...typeOrmOptions({ primaryUrl: url, replicaUrls: [], database: 'x', poolSize: 1 }),
    });
    return dataSource.initialize();
  };

  it('connects in clear text without ssl-mode and refuses a server without TLS when ssl-mode=REQUIRED', async () => {
    const plain = await connect(requireEnv('DATABASE_URL'));
    const [row] = (await plain.query("SHOW SESSION STATUS LIKE 'Ssl_cipher'")) as Array<{
      Value: string;
    }>;
    expect(row?.Value).toBe('');
    await plain.destroy();

    const url = new URL(requireEnv('DATABASE_URL'));
    url.searchParams.set('ssl-mode', 'REQUIRED');
    await expect(connect(url.toString())).rejects.toThrow(/secure connection|SSL|TLS/i);
  });

  it('the topology probe asks for TLS like the pools: ssl-mode=REQUIRED against a server without TLS is down, not writable', async () => {
    const url = new URL(requireEnv('DATABASE_URL'));
    const plain = new WritableProbe('primary', url.toString());
    url.searchParams.set('ssl-mode', 'REQUIRED');
    const tls = new WritableProbe('primary', url.toString());
    try {
      expect(await plain.check(2000)).toBe('writable');
      expect(await tls.check(2000)).toBe('down');
      expect(tls.lastError).toMatch(/secure connection|SSL|TLS/i);
    } finally {
      plain.close();
      tls.close();
    }
  });
});
