import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mysqlNodeOptions, mysqlSsl, typeOrmOptions } from './typeorm-options';

const URL_ = 'mysql://app:pw@db.internal:3306/hexashop';
const caFile = (): string => {
  const path = join(mkdtempSync(join(tmpdir(), 'ssl-ca-')), 'ca.pem');
  writeFileSync(path, '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n');
  return path;
};

describe('DATABASE_URL TLS options', () => {
  it('uses plain TCP without ssl-mode or with DISABLED', () => {
    expect(mysqlSsl(URL_)).toBeUndefined();
    expect(mysqlSsl(`${URL_}?ssl-mode=disabled`)).toBeUndefined();
    expect(
      typeOrmOptions({ primaryUrl: URL_, replicaUrls: [], database: 'h', poolSize: 5 }),
    ).not.toHaveProperty('ssl');
  });

  it('REQUIRED encrypts (TLS 1.2+) without checking the certificate', () => {
    expect(mysqlSsl(`${URL_}?ssl-mode=REQUIRED`)).toEqual({
      minVersion: 'TLSv1.2',
      rejectUnauthorized: false,
    });
  });

  it('VERIFY_CA checks the chain against ssl-ca but not the host name; VERIFY_IDENTITY checks both', () => {
    const ca = caFile();
    const verifyCa = mysqlSsl(`${URL_}?ssl-mode=VERIFY_CA&ssl-ca=${ca}`)!;
    expect(verifyCa).toMatchObject({ rejectUnauthorized: true, minVersion: 'TLSv1.2' });
    expect(verifyCa.ca).toContain('BEGIN CERTIFICATE');
    expect(verifyCa.checkServerIdentity?.()).toBeUndefined();
    const identity = mysqlSsl(`${URL_}?ssl-mode=VERIFY_IDENTITY&ssl-ca=${ca}`)!;
    expect(identity).toMatchObject({ rejectUnauthorized: true });
    expect(identity.checkServerIdentity).toBeUndefined();
  });

  it('passes the option to the driver for the primary and the replicas alike', () => {
    const url = `${URL_}?ssl-mode=REQUIRED`;
    const options = typeOrmOptions({
      primaryUrl: url,
      replicaUrls: [url.replace('db.internal', 'replica.internal')],
      database: 'h',
      poolSize: 5,
    });
    expect(options).toMatchObject({ ssl: { rejectUnauthorized: false } });
  });

  it('refuses an unknown mode, a verifying mode without a CA, an unreadable CA and replicas that differ', () => {
    expect(() => mysqlSsl(`${URL_}?ssl-mode=ON`)).toThrow(/DATABASE_URL ssl-mode must be one of/);
    expect(() => mysqlSsl(`${URL_}?ssl-mode=VERIFY_CA`)).toThrow(/needs ssl-ca/);
    expect(() => mysqlSsl(`${URL_}?ssl-mode=VERIFY_CA&ssl-ca=/nonexistent/ca.pem`)).toThrow(
      /cannot read/,
    );
    expect(() => mysqlSsl(`${URL_}?ssl-mode=REQUIRED`, [URL_])).toThrow(/DATABASE_REPLICA_URLS/);
  });

  it('gives a connection of its own (the writable probes) the same TLS as the pools, and takes ssl-mode/ssl-ca out of the URI', () => {
    const ca = caFile();
    const url = `${URL_}?ssl-mode=VERIFY_IDENTITY&ssl-ca=${encodeURIComponent(ca)}`;

    const options = mysqlNodeOptions(url, 500);

    expect(
      typeOrmOptions({ primaryUrl: url, replicaUrls: [], database: 'h', poolSize: 1 }),
    ).toMatchObject({ ssl: options.ssl });
    expect(options.ssl).toEqual(mysqlSsl(url));
    expect(options).toMatchObject({ uri: URL_, connectTimeout: 500 });
    expect(mysqlNodeOptions(URL_, 500)).toEqual({ uri: URL_, connectTimeout: 500 });
    expect(() => mysqlNodeOptions(`${URL_}?ssl-mode=VERIFY_CA`, 500)).toThrow(/ssl-ca/);
  });
});
