import { RefreshToken } from './refresh-token.entity';

const NOW = new Date('2025-01-15T09:00:00.000Z');
const at = (ms: number) => new Date(NOW.getTime() + ms);

describe(RefreshToken.name, () => {
  let sut: RefreshToken;

  beforeEach(() => {
    sut = RefreshToken.issue({
      id: 'token-1',
      sessionId: 'session-1',
      tokenHash: 'h1',
      expiresAt: at(60_000),
    });
  });

  it('is issued unspent with the given data', () => {
    expect(sut.id).toBe('token-1');
    expect(sut.sessionId).toBe('session-1');
    expect(sut.tokenHash).toBe('h1');
    expect(sut.expiresAt).toEqual(at(60_000));
    expect(sut.usedAt).toBeNull();
  });

  it('is expired from its expiry instant on, not before', () => {
    expect(sut.isExpired(at(59_999))).toBe(false);
    expect(sut.isExpired(at(60_000))).toBe(true);
    expect(sut.isExpired(at(60_001))).toBe(true);
  });

  it('remembers when it was spent', () => {
    sut.spend(at(1_000));

    expect(sut.usedAt).toEqual(at(1_000));
  });

  it('keeps the first spending when spent again', () => {
    sut.spend(at(1_000));
    sut.spend(at(2_000));

    expect(sut.usedAt).toEqual(at(1_000));
  });

  it('rehydrates a spent token as spent', () => {
    const stored = RefreshToken.rehydrate({
      id: 'token-2',
      sessionId: 'session-1',
      tokenHash: 'h2',
      expiresAt: at(60_000),
      usedAt: at(5),
    });

    stored.spend(at(10));

    expect(stored.usedAt).toEqual(at(5));
  });
});
