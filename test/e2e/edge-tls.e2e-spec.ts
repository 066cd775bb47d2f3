import { spawn } from 'node:child_process';
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import { connect } from 'node:tls';
import { AppProcess, freePort, startApi } from '../support/app-process';
import { requireEnv } from '../support/env';
import { waitUntil } from '../support/fixtures';
import { HttpsClient, lbCa, waitForLb } from '../support/load-balancer';
import { Stack } from '../support/stack';

/** TLS handshake with exactly `version`; resolves with the protocol and cipher, or the error code. */
function handshake(version: 'TLSv1.1' | 'TLSv1.2' | 'TLSv1.3'): Promise<string> {
  const { hostname, port } = new URL(requireEnv('LB_URL'));
  return new Promise((resolve) => {
    const socket = connect(
      {
        host: '127.0.0.1',
        port: Number(port),
        servername: hostname,
        ca: lbCa(),
        minVersion: version,
        maxVersion: version,
        // let this client offer TLS 1.1 at all (OpenSSL 3 refuses it at its default level)
        ciphers: 'DEFAULT@SECLEVEL=0',
      },
      () => {
        resolve(`${socket.getProtocol()} ${socket.getCipher().name}`);
        socket.end();
      },
    );
    socket.on('error', (error: NodeJS.ErrnoException) => resolve(`error ${error.code}`));
  });
}

/** A plain-HTTP request to the edge's HTTP port (not followed). */
function plainHttp(path: string, method = 'GET'): Promise<{ status: number; location?: string }> {
  const { port } = new URL(requireEnv('LB_HTTP_URL'));
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port: Number(port),
        path,
        method,
        headers: { host: `localhost:${port}` },
      },
      (res) => {
        res.resume();
        resolve({ status: res.statusCode ?? 0, location: res.headers.location });
      },
    );
    req.on('error', reject);
    req.end();
  });
}

describe('TLS at the edge: the local HAProxy (e2e)', () => {
  let api: AppProcess;
  let edge: HttpsClient;
  let root: HttpsClient;

  beforeAll(async () => {
    api = await startApi({ TRUST_PROXY: 'true' }, { waitFor: 'ready' });
    await Stack.lbServers(`127.0.0.1:${api.port}`, `127.0.0.1:${api.port}`);
    expect(await waitForLb((s) => s.api1 === 'UP' && s.api2 === 'UP')).toBeGreaterThanOrEqual(0);
    edge = new HttpsClient(requireEnv('LB_URL'));
    root = new HttpsClient(requireEnv('LB_URL'), '');
  });

  afterAll(async () => {
    edge?.close();
    root?.close();
    await api?.stop();
    await Stack.lbServers('127.0.0.1:9', '127.0.0.1:9');
  });

  it('refuses TLS 1.1 and speaks TLS 1.2 and 1.3 with AEAD ciphers', async () => {
    expect(await handshake('TLSv1.1')).toBe('error ERR_SSL_TLSV1_ALERT_PROTOCOL_VERSION');
    expect(await handshake('TLSv1.2')).toMatch(
      /^TLSv1\.2 ECDHE-(ECDSA|RSA)-(AES\d+-GCM-SHA\d+|CHACHA20-POLY1305)$/,
    );
    expect(await handshake('TLSv1.3')).toMatch(
      /^TLSv1\.3 TLS_(AES_\d+_GCM_SHA\d+|CHACHA20_POLY1305_SHA256)$/,
    );
  });

  it('redirects plain HTTP to the same path on HTTPS (308 keeps the method)', async () => {
    const https = new URL(requireEnv('LB_URL'));
    const get = await plainHttp('/api/v1/products?limit=2');
    expect(get).toEqual({
      status: 308,
      location: `https://localhost:${https.port}/api/v1/products?limit=2`,
    });
    expect((await plainHttp('/api/v1/orders', 'POST')).status).toBe(308);
  });

  it("sends HSTS, replaces a client-chosen request id and forwarded proto, and the API logs HAProxy's id with protocol https", async () => {
    const response = await edge.get('/products?limit=1', {
      headers: { 'x-request-id': 'chosen-by-the-client', 'x-forwarded-proto': 'http' },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('strict-transport-security')).toBe(
      'max-age=63072000; includeSubDomains',
    );
    const id = response.headers.get('x-request-id') ?? '';
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const logged = async (): Promise<boolean> =>
      api
        .logs()
        .split('\n')
        .some((line) => line.includes(`"reqId":"${id}"`) && line.includes('"protocol":"https"'));
    expect(await waitUntil(logged, 5_000)).toBe(true);
    expect(api.logs()).not.toContain('chosen-by-the-client');
    // HAProxy's own answers carry HSTS and an id too.
    const hidden = await root.get('/metrics');
    expect(hidden.headers.get('strict-transport-security')).toContain('max-age=');
    expect(hidden.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('keeps /metrics and /health/* off the public port (problem+json 404) and serves them on the internal one', async () => {
    for (const path of ['/metrics', '/health/ready', '/health/live', '/health']) {
      const response = await root.get(path);
      expect(response.status).toBe(404);
      expect(response.headers.get('content-type')).toBe('application/problem+json');
      expect(response.body).toMatchObject({ status: 404, code: 'NOT_FOUND' });
    }
    // The local stack keeps Swagger UI public (compose and production do not: `.if` in haproxy.cfg).
    expect((await root.get('/docs-json')).status).toBe(200);
    const internal = requireEnv('LB_INTERNAL_URL');
    const ready = await fetch(`${internal}/health/ready`);
    expect(ready.status).toBe(200);
    expect(((await ready.json()) as { details: object }).details).toHaveProperty('replicas');
    expect((await fetch(`${internal}/stats`)).status).toBe(200);
  });

  it('compose/production shape (the same file without HEXA_LOCAL) also keeps /docs off the public port', async () => {
    const [https, http, internal] = [await freePort(), await freePort(), await freePort()];
    const pem = requireEnv('LB_CA_FILE').replace(/\.crt$/, '.pem');
    const haproxy = spawn(
      'haproxy',
      ['-db', '-f', join(__dirname, '..', '..', 'docker', 'haproxy', 'haproxy.cfg')],
      {
        env: {
          PATH: `${process.env.PATH}:/usr/sbin`,
          HAPROXY_HTTPS_BIND: `127.0.0.1:${https}`,
          HAPROXY_HTTP_BIND: `127.0.0.1:${http}`,
          HAPROXY_INTERNAL_BIND: `127.0.0.1:${internal}`,
          HAPROXY_CERT: pem,
        },
        stdio: 'ignore',
      },
    );
    try {
      const production = new HttpsClient(`https://localhost:${https}`, '');
      const up = async (): Promise<boolean> =>
        production.get('/docs').then(
          () => true,
          () => false,
        );
      expect(await waitUntil(up, 10_000)).toBe(true);
      for (const path of ['/docs', '/docs-json', '/metrics', '/health/ready']) {
        const response = await production.get(path);
        expect(response.status).toBe(404);
        expect(response.body).toMatchObject({ code: 'NOT_FOUND' });
      }
      // No API instance resolves here (api1/api2 are compose names): the contract's 503.
      const api = await production.get('/api/v1/products');
      expect(api.status).toBe(503);
      expect(api.body).toMatchObject({ code: 'SERVICE_UNAVAILABLE' });
      expect(api.headers.get('retry-after')).toBe('5');
      production.close();
    } finally {
      haproxy.kill('SIGTERM');
    }
  });
});
