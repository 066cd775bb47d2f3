import { canonicalJson, requestFingerprint } from './request-fingerprint';

describe(canonicalJson.name, () => {
  it('sorts object keys at every depth and keeps array order', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: null } })).toBe(
      '{"a":{"c":null,"d":[3,{"y":2,"z":1}]},"b":1}',
    );
  });

  it('drops undefined members like JSON does, and encodes no body as empty', () => {
    expect(canonicalJson({ a: undefined, b: 2 })).toBe('{"b":2}');
    expect(canonicalJson(undefined)).toBe('');
    expect(canonicalJson(null)).toBe('null');
  });
});

describe(requestFingerprint.name, () => {
  const base = requestFingerprint('POST', '/api/v1/wallet/charges', { amount: 100, note: 'x' });

  it('is a SHA-256 hex digest', () => {
    expect(base).toMatch(/^[0-9a-f]{64}$/);
  });

  it('is the same for the same body with keys in another order and any method case', () => {
    expect(requestFingerprint('post', '/api/v1/wallet/charges', { note: 'x', amount: 100 })).toBe(
      base,
    );
  });

  it.each([
    ['another amount', 'POST', '/api/v1/wallet/charges', { amount: 101, note: 'x' }],
    ['a number as a string', 'POST', '/api/v1/wallet/charges', { amount: '100', note: 'x' }],
    ['an extra field', 'POST', '/api/v1/wallet/charges', { amount: 100, note: 'x', more: 1 }],
    ['another path', 'POST', '/api/v1/orders', { amount: 100, note: 'x' }],
    ['another method', 'PUT', '/api/v1/wallet/charges', { amount: 100, note: 'x' }],
  ])('differs for %s', (_label, method, path, body) => {
    expect(requestFingerprint(method, path, body)).not.toBe(base);
  });

  it('does not confuse array order', () => {
    expect(requestFingerprint('POST', '/p', { items: [1, 2] })).not.toBe(
      requestFingerprint('POST', '/p', { items: [2, 1] }),
    );
  });
});
