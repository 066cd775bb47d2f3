import fc from 'fast-check';

/** The parts of an OpenAPI 3 document the fuzzer reads. */
export interface OpenApiDocument {
  readonly paths: Record<string, Record<string, Operation>>;
  readonly components?: { readonly schemas?: Record<string, Schema> };
}

export interface Operation {
  readonly operationId?: string;
  readonly parameters?: readonly Parameter[];
  readonly requestBody?: { readonly content?: Record<string, { readonly schema?: Schema }> };
  readonly security?: ReadonlyArray<Record<string, unknown>>;
}

export interface Parameter {
  readonly name: string;
  readonly in: 'path' | 'query' | 'header' | 'cookie';
  readonly required?: boolean;
  readonly schema?: Schema;
}

export interface Schema {
  readonly $ref?: string;
  readonly type?: string;
  readonly format?: string;
  readonly enum?: readonly unknown[];
  readonly nullable?: boolean;
  readonly allOf?: readonly Schema[];
  readonly oneOf?: readonly Schema[];
  readonly anyOf?: readonly Schema[];
  readonly properties?: Record<string, Schema>;
  readonly required?: readonly string[];
  readonly items?: Schema;
  readonly minItems?: number;
  readonly maxItems?: number;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly default?: unknown;
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

/** A body to send byte for byte (JSON that JSON.stringify cannot produce, e.g. `__proto__` keys). */
export class RawJson {
  constructor(readonly text: string) {}
}

/** Every operation of the document, as `[method, path, operation]`. */
export function operations(document: OpenApiDocument): Array<[string, string, Operation]> {
  return Object.entries(document.paths).flatMap(([path, item]) =>
    METHODS.filter((method) => item[method]).map(
      (method) => [method.toUpperCase(), path, item[method]!] as [string, string, Operation],
    ),
  );
}

/** Strings that have broken parsers, validators or drivers somewhere. */
const NASTY_STRINGS = [
  '',
  ' ',
  '\u0000',
  '\ud800',
  'a\udc00b',
  '\udc00\ud800',
  '🙂',
  '%',
  '%00',
  '../../etc/passwd',
  "' OR 1=1 --",
  '<script>alert(1)</script>',
  '${jndi:ldap://x}',
  '{}',
  'null',
  '-1',
  '1e309',
  'NaN',
  'x'.repeat(10_000),
];

/** JSON values of every kind, for "wrong type" mutations. */
const ANY_JSON: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(null, true, false, 0, -1, 1.5, 2 ** 53, -(2 ** 63), 1e300, [], {}),
  fc.constantFrom(...NASTY_STRINGS),
  fc.string({ maxLength: 20 }),
  fc.integer(),
  fc.array(fc.integer(), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.integer(), { maxKeys: 3 }),
);

/**
 * Arbitraries for the values an OpenAPI schema admits (`valid`) and for
 * values it does not (`invalid`): wrong types, out-of-range numbers, lone
 * surrogates, unknown and prototype-polluting fields, missing required fields.
 */
export class SchemaArbitraries {
  constructor(private readonly document: OpenApiDocument) {}

  resolve(schema: Schema | undefined): Schema {
    let current = schema ?? {};
    for (let hops = 0; current.$ref && hops < 20; hops++) {
      const name = current.$ref.replace('#/components/schemas/', '');
      current = this.document.components?.schemas?.[name] ?? {};
    }
    if (current.allOf && current.allOf.length > 0) {
      const parts = current.allOf.map((part) => this.resolve(part));
      const { allOf: _allOf, ...rest } = current;
      return parts.reduce<Schema>(
        (merged, part) => ({
          ...part,
          ...merged,
          properties: { ...part.properties, ...merged.properties },
          required: [...(part.required ?? []), ...(merged.required ?? [])],
        }),
        rest,
      );
    }
    return current;
  }

  valid(input: Schema | undefined, depth = 0): fc.Arbitrary<unknown> {
    const schema = this.resolve(input);
    const value = this.validOf(schema, depth);
    return schema.nullable ? fc.oneof(value, fc.constant(null)) : value;
  }

  private validOf(schema: Schema, depth: number): fc.Arbitrary<unknown> {
    const variants = schema.oneOf ?? schema.anyOf;
    if (variants && variants.length > 0)
      return fc.oneof(...variants.map((variant) => this.valid(variant, depth + 1)));
    if (schema.enum && schema.enum.length > 0) return fc.constantFrom(...schema.enum);
    switch (schema.type) {
      case 'integer':
        return fc.integer({
          min: Math.max(schema.minimum ?? -1_000_000, Number.MIN_SAFE_INTEGER),
          max: Math.min(schema.maximum ?? 1_000_000, Number.MAX_SAFE_INTEGER),
        });
      case 'number':
        return fc.double({
          min: schema.minimum ?? -1_000_000,
          max: schema.maximum ?? 1_000_000,
          noNaN: true,
          noDefaultInfinity: true,
        });
      case 'boolean':
        return fc.boolean();
      case 'string':
        return this.validString(schema);
      case 'array':
        return fc.array(this.valid(schema.items, depth + 1), {
          minLength: schema.minItems ?? 0,
          maxLength: Math.max(schema.minItems ?? 0, Math.min(schema.maxItems ?? 3, 3)),
        });
      case 'object':
      case undefined: {
        if (!schema.properties || depth > 5) return fc.constant({});
        const required = new Set(schema.required ?? []);
        return fc.record(
          Object.fromEntries(
            Object.entries(schema.properties).map(([name, property]) => [
              name,
              this.valid(property, depth + 1),
            ]),
          ),
          { requiredKeys: [...required].filter((name) => name in schema.properties!) },
        );
      }
      default:
        return fc.constant(null);
    }
  }

  private validString(schema: Schema): fc.Arbitrary<string> {
    switch (schema.format) {
      case 'uuid':
        return fc.uuid();
      case 'date-time':
        return fc
          .date({ min: new Date('2020-01-01'), max: new Date('2035-01-01'), noInvalidDate: true })
          .map((date) => date.toISOString());
      case 'email':
        return fc.stringMatching(/^[a-z][a-z0-9]{0,15}$/).map((local) => `${local}@example.test`);
      default: {
        const minLength = schema.minLength ?? 0;
        const maxLength = Math.max(minLength, Math.min(schema.maxLength ?? 40, 40));
        return fc.string({ minLength, maxLength, unit: 'grapheme-ascii' });
      }
    }
  }

  /** A value that breaks `schema`, or data that no schema should let through. */
  invalid(input: Schema | undefined): fc.Arbitrary<unknown> {
    const schema = this.resolve(input);
    const breakers: Array<fc.Arbitrary<unknown>> = [
      ANY_JSON.filter((value) => !this.looselyMatches(schema, value)),
    ];
    if (schema.type === 'integer' || schema.type === 'number') {
      const bounds: unknown[] = [1e300, -1e300, 0.5];
      if (schema.minimum !== undefined) bounds.push(schema.minimum - 1);
      if (schema.maximum !== undefined) bounds.push(schema.maximum + 1);
      breakers.push(fc.constantFrom(...bounds));
    }
    if (schema.type === 'string') breakers.push(fc.constantFrom(...NASTY_STRINGS));
    if (schema.properties) breakers.push(this.brokenObject(schema));
    if (schema.type === 'array') breakers.push(this.brokenArray(schema));
    return fc.oneof(...breakers);
  }

  private brokenObject(schema: Schema): fc.Arbitrary<unknown> {
    const properties = Object.keys(schema.properties ?? {});
    return fc
      .tuple(
        this.valid(schema) as fc.Arbitrary<Record<string, unknown>>,
        fc.constantFrom(...properties),
        fc.constantFrom(
          'wrong-value',
          'wrong-value',
          'lone-surrogate-value',
          'lone-surrogate-value',
          'drop',
          'unknown-field',
          'proto',
          'lone-surrogate-key',
        ),
      )
      .chain(([value, property, mutation]): fc.Arbitrary<unknown> => {
        const broken: Record<string, unknown> = { ...value };
        switch (mutation) {
          case 'lone-surrogate-value': {
            // A string field when there is one: what made isEmail throw (issue 13 item 1).
            const text =
              properties.find(
                (name) =>
                  this.resolve(schema.properties![name]).type === 'string' && name >= property,
              ) ?? property;
            return fc.constantFrom('\ud800', 'a\udfffb').map((bad) => ({ ...broken, [text]: bad }));
          }
          case 'wrong-value':
            return this.invalid(schema.properties![property]).map((bad) => ({
              ...broken,
              [property]: bad,
            }));
          case 'drop': {
            // Only a required field: dropping an optional one leaves a valid value.
            const required = (schema.required ?? []).find((name) => name in broken);
            if (required === undefined) return fc.constant({ ...broken, unexpectedField: 1 });
            delete broken[required];
            return fc.constant(broken);
          }
          case 'unknown-field':
            return fc.constant({ ...broken, unexpectedField: 1 });
          case 'proto':
            return fc.constantFrom(
              new RawJson(`{"__proto__":{"role":"ADMIN"},${JSON.stringify(broken).slice(1)}`),
              new RawJson(
                `{"constructor":{"prototype":{"role":"ADMIN"}},${JSON.stringify(broken).slice(1)}`,
              ),
            );
          default:
            return fc.constant({ ...broken, ['\ud800']: 'x' });
        }
      });
  }

  private brokenArray(schema: Schema): fc.Arbitrary<unknown> {
    const tooMany = (schema.maxItems ?? 100) + 1;
    return fc.oneof(
      fc.constant([]),
      this.valid(schema.items).map((item) => Array.from({ length: tooMany }, () => item)),
      this.invalid(schema.items).map((item) => [item]),
    );
  }

  /** Whether `value` has the JSON type `schema` asks for (so it is no "wrong type"). */
  private looselyMatches(schema: Schema, value: unknown): boolean {
    if (value === null) return schema.nullable === true;
    switch (schema.type) {
      case 'integer':
        return Number.isInteger(value);
      case 'number':
        return typeof value === 'number';
      case 'boolean':
        return typeof value === 'boolean';
      case 'string':
        return typeof value === 'string' && !schema.enum && !schema.format;
      case 'array':
        return Array.isArray(value) && !schema.minItems;
      case 'object':
      case undefined:
        return typeof value === 'object' && !Array.isArray(value) && !schema.required?.length;
      default:
        return false;
    }
  }
}

/** A path segment that is no id at all: too long, bad percent-encoding, dots, empty-ish. */
export const BAD_PATH_SEGMENTS = fc.constantFrom(
  'x'.repeat(150),
  'x'.repeat(5_000),
  '%ED%A0%80',
  '%FF',
  '%',
  '..',
  '%2e%2e',
  '%00',
  'null',
  '-1',
  '0',
  '%F0%9F%99%82',
);

/** Query values that are wrong for any parameter: bad encoding, huge, empty, arrays. */
export const BAD_QUERY_VALUES = fc.constantFrom(
  '%ED%A0%80',
  '%FF',
  '',
  'x'.repeat(5_000),
  '1e309',
  '-99999999999999999999',
  'NaN',
  '1.5',
  'true',
  '%5B%5D',
);

/** Bodies no route should accept: broken JSON, wrong media type, too large, too deep. */
export const BAD_RAW_BODIES: fc.Arbitrary<{ raw: string; contentType: string }> = fc.constantFrom(
  { raw: '{"unterminated":', contentType: 'application/json' },
  { raw: '', contentType: 'application/json' },
  { raw: 'null', contentType: 'application/json' },
  { raw: '"\\ud800"', contentType: 'application/json' },
  { raw: '[1,2,3]', contentType: 'application/json' },
  { raw: 'a=1&b=2', contentType: 'application/x-www-form-urlencoded' },
  { raw: '<xml/>', contentType: 'application/xml' },
  { raw: '{"a":1}', contentType: 'text/plain' },
  { raw: `{"big":"${'x'.repeat(150 * 1024)}"}`, contentType: 'application/json' },
  { raw: `${'['.repeat(50_000)}${']'.repeat(50_000)}`, contentType: 'application/json' },
  { raw: `{"a":${'{"a":'.repeat(2_000)}1${'}'.repeat(2_001)}`, contentType: 'application/json' },
);
