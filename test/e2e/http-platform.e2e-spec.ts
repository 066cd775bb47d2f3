import { emailIndex } from '../support/personal-data';
import { spawnSync } from 'node:child_process';
import { connect } from 'node:net';
import { join } from 'node:path';
import { baseEnv, startApi } from '../support/app-process';
import { Db } from '../support/db';
import { apiForSuite } from '../support/api-suite';
import { uniqueEmail } from '../support/fixtures';
import { apiClient } from '../support/http';

describe('HTTP platform (e2e)', () => {
  const suite = apiForSuite();

  it('answers malformed JSON with 400 VALIDATION_FAILED problem+json and writes nothing', async () => {
    const email = uniqueEmail('malformed');
    const response = await suite.api.post('/auth/signup', undefined, {
      raw: `{"email":"${email}","password":`,
    });
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(response.body).toMatchObject({
      status: 400,
      code: 'VALIDATION_FAILED',
      instance: '/api/v1/auth/signup',
    });
    expect(response.body.errors[0].field).toBe('body');
    expect(
      await Db.rows('SELECT id FROM users WHERE email_bidx = ?', [emailIndex(email)]),
    ).toHaveLength(0);
  });

  it('answers an oversized body with 413 PAYLOAD_TOO_LARGE and writes nothing', async () => {
    const email = uniqueEmail('huge');
    const response = await suite.api.post('/auth/signup', {
      email,
      password: 'password-123',
      name: 'x',
      padding: 'p'.repeat(200_000),
    });
    expect(response.status).toBe(413);
    expect(response.body.code).toBe('PAYLOAD_TOO_LARGE');
    expect(
      await Db.rows('SELECT id FROM users WHERE email_bidx = ?', [emailIndex(email)]),
    ).toHaveLength(0);
  });

  it('answers a non-JSON content type with 415 problem+json', async () => {
    const response = await suite.api.post('/auth/signup', undefined, {
      raw: 'email=a',
      headers: { 'content-type': 'application/xml' },
    });
    expect(response.status).toBe(415);
    expect(response.body.code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('answers a lone surrogate in any body field with 400 naming the field, before anything is written', async () => {
    const email = uniqueEmail('surrogate');
    const cases: Array<[string, Record<string, string>]> = [
      ['email', { email: `\ud800${email}`, password: 'password-123', name: 'x' }],
      ['name', { email, password: 'password-123', name: 'Jane \udfff' }],
    ];
    for (const [field, body] of cases) {
      const response = await suite.api.post('/auth/signup', body);
      expect(response.status).toBe(400);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
      expect(response.body.code).toBe('VALIDATION_FAILED');
      expect(response.body.errors).toEqual([
        { field, message: `${field} must be well-formed Unicode` },
      ]);
    }
    expect(
      await Db.rows('SELECT id FROM users WHERE email_bidx = ?', [emailIndex(email)]),
    ).toHaveLength(0);
  });

  it("answers a path id longer than the router allows with 404 problem+json, not Fastify's 414", async () => {
    const response = await suite.api.get(`/products/${'x'.repeat(500)}`);
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(response.body.code).toBe('NOT_FOUND');
    expect(response.headers.get('x-request-id')).toBeTruthy();
  });

  it('answers a path that is not percent-encoded UTF-8 with 400 VALIDATION_FAILED naming the path', async () => {
    const response = await suite.api.get('/products/%ED%A0%80');
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(response.body.errors).toEqual([{ field: 'path', message: expect.any(String) }]);
  });

  it('answers requests Node cannot parse with problem+json too (bad request line, headers too large)', async () => {
    const raw = (request: string) =>
      new Promise<string>((resolve, reject) => {
        const socket = connect(suite.app.port, '127.0.0.1', () => socket.end(request));
        let answer = '';
        socket.on('data', (chunk) => (answer += chunk.toString('latin1')));
        socket.on('close', () => resolve(answer));
        socket.on('error', reject);
      });
    const badLine = await raw('GET /\u0001 HTTP/1.1\r\nHost: x\r\n\r\n');
    expect(badLine).toMatch(/^HTTP\/1\.1 400 /);
    expect(badLine).toContain('application/problem+json');
    expect(JSON.parse(badLine.slice(badLine.indexOf('\r\n\r\n') + 4))).toMatchObject({
      status: 400,
      code: 'VALIDATION_FAILED',
    });
    const hugeHeaders = await raw(
      `GET /health/live HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`,
    );
    expect(hugeHeaders).toMatch(/^HTTP\/1\.1 431 /);
    expect(JSON.parse(hugeHeaders.slice(hugeHeaders.indexOf('\r\n\r\n') + 4)).code).toBe(
      'REQUEST_HEADERS_TOO_LARGE',
    );
  });

  it('answers an unknown route with 404 NOT_FOUND problem+json', async () => {
    const response = await suite.api.get('/no-such-route');
    expect(response.status).toBe(404);
    expect(response.body).toMatchObject({
      code: 'NOT_FOUND',
      status: 404,
      type: expect.stringContaining('not-found'),
    });
  });

  it('echoes a valid x-request-id and makes one up otherwise', async () => {
    const echoed = await suite.api.get('/no-such-route', {
      headers: { 'x-request-id': 'trace-abc-123' },
    });
    expect(echoed.headers.get('x-request-id')).toBe('trace-abc-123');
    expect(echoed.body.requestId).toBe('trace-abc-123');
    const invented = await suite.api.get('/no-such-route', {
      headers: { 'x-request-id': 'bad id with spaces' },
    });
    expect(invented.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('sends security headers', async () => {
    const response = await suite.api.get('/no-such-route');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('strict-transport-security')).toContain('max-age');
    expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
  });

  it('serves Swagger UI and an OpenAPI document with bearer auth and problem responses', async () => {
    const ui = await fetch(`${suite.app.url}/docs`);
    expect(ui.status).toBe(200);
    expect(await ui.text()).toContain('swagger');
    const document = (await (await fetch(`${suite.app.url}/docs-json`)).json()) as {
      openapi: string;
      paths: Record<
        string,
        Record<string, { responses: Record<string, { content?: Record<string, unknown> }> }>
      >;
      components: { securitySchemes: Record<string, unknown> };
    };
    expect(document.openapi).toMatch(/^3\./);
    expect(document.components.securitySchemes).toHaveProperty('bearer');
    const signup = document.paths['/api/v1/auth/signup']?.post;
    expect(signup?.responses['201']).toBeDefined();
    expect(signup?.responses['409']?.content).toHaveProperty(['application/problem+json']);
    expect(document.paths['/api/v1/users/me']?.get?.responses['401']).toBeDefined();
  });

  it('exposes Prometheus metrics with request durations by route', async () => {
    await suite.api.get('/users/me');
    const text = await (await fetch(`${suite.app.url}/metrics`)).text();
    expect(text).toMatch(
      /hexashop_http_request_duration_seconds_count\{method="GET",route="\/api\/v1\/users\/me",status_code="401"\} \d+/,
    );
    expect(text).toContain('process_cpu_user_seconds_total');
    expect(text).toMatch(/hexashop_db_pool_connections\{pool="MASTER",state="open"\} [1-9]/);
    expect(text).toMatch(/hexashop_db_replica_lag_seconds\{replica="replica0"\} \d/);
  });

  it('rate limits a client above RATE_LIMIT_RPM with 429 and Retry-After', async () => {
    const limited = await startApi({ RATE_LIMIT_RPM: '5', TRUST_PROXY: 'true' });
    try {
      const client = apiClient(limited.url);
      const headers = { 'x-forwarded-for': `10.9.${Math.floor(Math.random() * 250)}.7` };
      const statuses = [];
      for (let i = 0; i < 5; i++)
        statuses.push((await client.get('/users/me', { headers })).status);
      expect(statuses).toEqual([401, 401, 401, 401, 401]);
      // The limit is per client address across routes, and is checked before authentication.
      const last = await client.post(
        '/auth/login',
        { email: 'a@b.cd', password: 'whatever' },
        { headers },
      );
      expect(last.status).toBe(429);
      expect(last.body.code).toBe('RATE_LIMITED');
      expect(Number(last.headers.get('retry-after'))).toBeGreaterThan(0);
      // Probes are never rate limited.
      expect((await fetch(`${limited.url}/health/live`, { headers })).status).toBe(200);
    } finally {
      await limited.stop();
    }
  });
});

describe('Configuration (e2e)', () => {
  const run = (env: Record<string, string | undefined>) =>
    spawnSync(process.execPath, [join(__dirname, '..', '..', 'dist', 'main.js')], {
      env: baseEnv(env),
      encoding: 'utf8',
      timeout: 20_000,
    });

  it.each([
    ['DATABASE_URL', { DATABASE_URL: undefined }, /DATABASE_URL is required/],
    ['JWT_SECRET', { JWT_SECRET: 'too-short' }, /JWT_SECRET must be at least 32 characters/],
    ['REDIS_URL', { REDIS_URL: 'http://localhost:6379' }, /REDIS_URL must use redis:/],
    ['PORT', { PORT: 'eighty' }, /PORT must be an integer/],
    ['LOG_LEVEL', { LOG_LEVEL: 'loud' }, /LOG_LEVEL must be one of/],
  ])('stops at start with one line naming a bad %s', (_name, env, message) => {
    const result = run(env);
    expect(result.status).toBe(1);
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(message);
    expect(result.stderr).not.toContain(process.env.JWT_SECRET ?? 'never');
  });
});
