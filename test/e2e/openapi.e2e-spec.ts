import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Document, RulesetDefinition, Spectral } from '@stoplight/spectral-core';
import { Json as JsonParser } from '@stoplight/spectral-parsers';
import { oas } from '@stoplight/spectral-rulesets';
import fc from 'fast-check';
import { AppProcess, startApi } from '../support/app-process';
import { Db } from '../support/db';
import { logInAsAdmin, signUpAndLogIn, TestUser } from '../support/fixtures';
import { apiClient, HttpClient } from '../support/http';
import {
  BAD_PATH_SEGMENTS,
  BAD_QUERY_VALUES,
  BAD_RAW_BODIES,
  OpenApiDocument,
  Operation,
  operations,
  RawJson,
  SchemaArbitraries,
} from '../support/openapi-arbitraries';

const ROOT = join(__dirname, '..', '..');
const CLIENT_DIR = join(ROOT, 'clients', 'typescript');
const REGENERATE = 'run `npm run client:generate` and commit clients/typescript';

/** Fixed, so a failure replays; FUZZ_SEED / FUZZ_RUNS explore further. */
const SEED = Number(process.env.FUZZ_SEED ?? 20_251_203);
const RUNS_PER_OPERATION = Number(process.env.FUZZ_RUNS ?? 16);
const ANSWER_WITHIN_MS = 10_000;

type TokenKind = 'none' | 'customer' | 'admin';
type Variant = 'valid' | 'bad-path' | 'bad-query' | 'bad-body' | 'raw-body' | 'bad-header';

interface Case {
  readonly token: TokenKind;
  readonly variant: Variant;
  readonly path: string;
  readonly query: string;
  readonly headers: Record<string, string>;
  readonly body?: unknown;
  readonly raw?: { raw: string; contentType: string };
}

/** Adds a field no DTO declares, so validation refuses the body whatever else it holds. */
function refusedForSure(value: unknown): unknown {
  if (
    value === null ||
    typeof value !== 'object' ||
    Array.isArray(value) ||
    value instanceof RawJson
  )
    return value;
  return { ...value, unexpectedField: true };
}

/** encodeURIComponent, except that a string it cannot encode (lone surrogate) goes as bytes no decoder accepts. */
function encode(value: unknown): string {
  try {
    return encodeURIComponent(String(value));
  } catch {
    return '%ED%A0%80';
  }
}

/**
 * Property-based test over the served OpenAPI document (issue 13 item 3):
 * for every operation it generates valid and invalid path parameters,
 * queries, headers and bodies from the schemas, with no token, a customer's
 * and the admin's, and asserts that the API answers in time, never with a
 * 5xx, and with application/problem+json on every 4xx. Routes added later are
 * covered as soon as they are in /docs-json. The admin only sends requests
 * that must fail validation to routes that write, so the run leaves no
 * catalog or coupon data behind for other suites.
 */
describe('OpenAPI document (e2e)', () => {
  let app: AppProcess;
  let api: HttpClient;
  let text: string;
  let document: OpenApiDocument;
  let schemas: SchemaArbitraries;
  let customer: TestUser;
  let adminToken: string;

  beforeAll(async () => {
    app = await startApi({ LOG_LEVEL: 'warn' });
    api = apiClient(app.url);
    text = await (await fetch(`${app.url}/docs-json`)).text();
    document = JSON.parse(text) as OpenApiDocument;
    schemas = new SchemaArbitraries(document);
    customer = await signUpAndLogIn(api, 'fuzz');
    adminToken = await logInAsAdmin(api);
  });

  afterAll(async () => {
    await app.stop();
    await Db.end();
  });

  function caseArbitrary(
    method: string,
    template: string,
    operation: Operation,
  ): fc.Arbitrary<Case> {
    const parameters = operation.parameters ?? [];
    const pathParameters = parameters.filter((p) => p.in === 'path');
    const queryParameters = parameters.filter((p) => p.in === 'query');
    const headerParameters = parameters.filter((p) => p.in === 'header');
    const bodySchema = operation.requestBody?.content?.['application/json']?.schema;
    const writes = method !== 'GET';

    const variants: Variant[] = ['valid'];
    if (pathParameters.length > 0) variants.push('bad-path');
    if (queryParameters.length > 0) variants.push('bad-query');
    if (headerParameters.length > 0) variants.push('bad-header');
    if (bodySchema) variants.push('bad-body', 'raw-body');

    // Broken bodies are where most handling lives: they come up most often.
    const weights: Record<Variant, number> = {
      valid: 3,
      'bad-body': 4,
      'raw-body': 2,
      'bad-path': 2,
      'bad-query': 2,
      'bad-header': 1,
    };
    return fc
      .record({
        token: fc.constantFrom<TokenKind>('none', 'customer', 'admin'),
        variant: fc.oneof(
          ...variants.map((variant) => ({
            arbitrary: fc.constant(variant),
            weight: weights[variant],
          })),
        ),
      })
      .map(({ token, variant }) => {
        // The admin writes nothing: its write routes get only requests that must be refused.
        if (token !== 'admin' || !writes || variant !== 'valid') return { token, variant };
        if (bodySchema) return { token, variant: 'bad-body' as Variant };
        if (pathParameters.length > 0) return { token, variant: 'bad-path' as Variant };
        return { token: 'customer' as TokenKind, variant };
      })
      .chain(({ token, variant }) =>
        fc.record({
          token: fc.constant(token),
          variant: fc.constant(variant),
          path: fc
            .tuple(
              ...pathParameters.map((parameter) =>
                variant === 'bad-path'
                  ? fc.oneof(BAD_PATH_SEGMENTS, schemas.invalid(parameter.schema).map(encode))
                  : schemas.valid(parameter.schema).map(encode),
              ),
            )
            .map((values) =>
              pathParameters.reduce(
                (path, parameter, index) => path.replace(`{${parameter.name}}`, values[index]!),
                template,
              ),
            ),
          query: fc
            .tuple(
              ...queryParameters.map((parameter) =>
                fc.option(
                  variant === 'bad-query'
                    ? fc.oneof(BAD_QUERY_VALUES, schemas.invalid(parameter.schema).map(encode))
                    : schemas.valid(parameter.schema).map(encode),
                  { nil: undefined, freq: parameter.required ? 0 : 3 },
                ),
              ),
            )
            .map((values) =>
              queryParameters
                .map((parameter, index) =>
                  values[index] === undefined ? '' : `${parameter.name}=${values[index]}`,
                )
                .filter(Boolean)
                .join('&'),
            ),
          headers: fc
            .tuple(
              ...headerParameters.map(() =>
                variant === 'bad-header'
                  ? fc.option(fc.constantFrom('', ' ', 'x'.repeat(300), 'not a key!'), {
                      nil: undefined,
                    })
                  : fc.uuid(),
              ),
            )
            .map((values) =>
              Object.fromEntries(
                headerParameters
                  .map((parameter, index) => [parameter.name, values[index]] as const)
                  .filter((entry): entry is readonly [string, string] => entry[1] !== undefined),
              ),
            ),
          body: bodySchema
            ? token === 'admin' && writes
              ? schemas.invalid(bodySchema).map(refusedForSure)
              : variant === 'bad-body'
                ? schemas.invalid(bodySchema)
                : schemas.valid(bodySchema)
            : fc.constant(undefined),
          raw: variant === 'raw-body' ? BAD_RAW_BODIES : fc.constant(undefined),
        }),
      );
  }

  function tokenFor(kind: TokenKind): string | undefined {
    if (kind === 'customer') return customer.accessToken;
    if (kind === 'admin') return adminToken;
    return undefined;
  }

  /** Sends one case; returns what is wrong with the answer, or undefined. */
  async function verdict(method: string, request: Case): Promise<string | undefined> {
    const headers: Record<string, string> = { ...request.headers };
    const token = tokenFor(request.token);
    if (token) headers.authorization = `Bearer ${token}`;
    let body: string | undefined;
    if (request.raw) {
      body = request.raw.raw;
      headers['content-type'] = request.raw.contentType;
    } else if (request.body !== undefined) {
      body = request.body instanceof RawJson ? request.body.text : JSON.stringify(request.body);
      headers['content-type'] = 'application/json';
    }
    const url = `${app.url}/api/v1${request.path.replace(/^\/api\/v1/, '')}${request.query ? `?${request.query}` : ''}`;
    let response: Response;
    try {
      response = await fetch(url, {
        method,
        headers,
        body: method === 'GET' ? undefined : body,
        signal: AbortSignal.timeout(ANSWER_WITHIN_MS),
      });
    } catch (error) {
      return `no answer within ${ANSWER_WITHIN_MS} ms: ${(error as Error).message}`;
    }
    const text = await response.text();
    if (response.status >= 500) return `${response.status}: ${text.slice(0, 300)}`;
    if (response.status < 400) return undefined;
    const type = response.headers.get('content-type') ?? '';
    if (!type.startsWith('application/problem+json'))
      return `${response.status} as ${type || 'no content type'}: ${text.slice(0, 300)}`;
    const problem = JSON.parse(text) as { status?: unknown; code?: unknown };
    if (problem.status !== response.status || typeof problem.code !== 'string' || !problem.code)
      return `${response.status} with a problem document lacking status/code: ${text.slice(0, 300)}`;
    // A token that stopped working (a fuzzed logout) is replaced, so later cases keep their caller.
    if (request.token === 'customer' && response.status === 401 && problem.code === 'UNAUTHORIZED')
      customer = await signUpAndLogIn(api, 'fuzz');
    return undefined;
  }

  it('passes Spectral spectral:oas with no error and no warning', async () => {
    const spectral = new Spectral();
    spectral.setRuleset({ extends: [[oas as RulesetDefinition, 'recommended']] });
    const results = await spectral.run(
      new Document(JSON.stringify(document, null, 2), JsonParser, 'docs-json'),
    );
    // 0 = error, 1 = warning (information and hints are not counted).
    const findings = results
      .filter((result) => result.severity <= 1)
      .map((result) => `${result.code} at ${result.path.join('.')}: ${result.message}`);
    expect(findings).toEqual([]);
  });

  it('marks nothing with a default as required, and declares the Idempotency-Key header', () => {
    const wrong: string[] = [];
    for (const [name, schema] of Object.entries(document.components?.schemas ?? {}))
      for (const [property, definition] of Object.entries(schema.properties ?? {}))
        if (definition.default !== undefined && schema.required?.includes(property))
          wrong.push(`schema ${name}.${property} has a default but is required`);
    for (const [method, path, operation] of operations(document))
      for (const parameter of operation.parameters ?? [])
        if (parameter.schema?.default !== undefined && parameter.required)
          wrong.push(`${method} ${path} ${parameter.name} has a default but is required`);
    expect(wrong).toEqual([]);
    const idempotent = operations(document)
      .filter(([, , operation]) =>
        operation.parameters?.some((p) => p.in === 'header' && p.name === 'Idempotency-Key'),
      )
      .map(([method, path]) => `${method} ${path}`);
    expect(idempotent).toEqual(
      expect.arrayContaining([
        'POST /api/v1/orders',
        'POST /api/v1/cart/checkout',
        'POST /api/v1/wallet/charges',
      ]),
    );
  });

  it(`is the document published in clients/typescript (${REGENERATE} if not)`, async () => {
    const published = readFileSync(join(CLIENT_DIR, 'openapi.json'), 'utf8');
    const served = `${JSON.stringify(document, null, 2)}\n`;
    const changed = Object.keys({ ...document.paths, ...JSON.parse(published).paths }).filter(
      (path) =>
        JSON.stringify(document.paths[path]) !==
        JSON.stringify((JSON.parse(published) as OpenApiDocument).paths[path]),
    );
    expect({ changedPaths: changed, identical: served === published }).toEqual({
      changedPaths: [],
      identical: true,
    });
    // The types are what openapi-typescript makes of that document today.
    const scratch = mkdtempSync(join(tmpdir(), 'hexashop-client-'));
    try {
      writeFileSync(join(scratch, 'openapi.json'), served);
      await promisify(execFile)(process.execPath, [
        join(ROOT, 'node_modules', 'openapi-typescript', 'bin', 'cli.js'),
        join(scratch, 'openapi.json'),
        // Fields with a default are optional to a client, like the API treats them.
        '--default-non-nullable',
        'false',
        '-o',
        join(scratch, 'schema.d.ts'),
      ]);
      const fresh = readFileSync(join(scratch, 'schema.d.ts'), 'utf8');
      expect(fresh === readFileSync(join(CLIENT_DIR, 'schema.d.ts'), 'utf8')).toBe(true);
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  });

  it('has operations to fuzz', () => {
    expect(operations(document).length).toBeGreaterThan(20);
  });

  it('answers every generated request in time, without a 5xx, with problem+json on every 4xx', async () => {
    const failures: string[] = [];
    let requests = 0;
    for (const [method, template, operation] of operations(document)) {
      const details = await fc.check(
        fc.asyncProperty(caseArbitrary(method, template, operation), async (request) => {
          requests += 1;
          const problem = await verdict(method, request);
          if (problem) throw new Error(problem);
        }),
        { seed: SEED, numRuns: RUNS_PER_OPERATION, endOnFailure: true },
      );
      if (details.failed)
        failures.push(
          `${method} ${template}: ${(details.errorInstance as Error | undefined)?.message ?? 'failed'}` +
            ` -- replay with FUZZ_SEED=${SEED} (fast-check path ${details.counterexamplePath ?? '?'})` +
            ` -- case ${JSON.stringify(details.counterexample?.[0], (_key, value: unknown) =>
              typeof value === 'string' && value.length > 120
                ? `${value.slice(0, 120)}… (${value.length} chars)`
                : value,
            )}`,
        );
    }
    expect(failures).toEqual([]);
    expect(requests).toBeGreaterThanOrEqual(operations(document).length * RUNS_PER_OPERATION);
  });
});
