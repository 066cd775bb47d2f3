import { UnauthorizedError } from '../../../shared/kernel/unauthorized.error';
import { RefreshToken } from './refresh-token.entity';
import { REUSE_GRACE_MS, Session } from './session.aggregate';

const NOW = new Date('2025-01-15T09:00:00.000Z');
const at = (ms: number) => new Date(NOW.getTime() + ms);
const TOKEN_TTL_MS = 14 * 24 * 3600 * 1000;

function tokenOf(
  sessionId: string,
  usedAt: Date | null = null,
  expiresAt = at(TOKEN_TTL_MS),
): RefreshToken {
  return RefreshToken.rehydrate({ id: 'token-1', sessionId, tokenHash: 'h', expiresAt, usedAt });
}

describe(Session.name, () => {
  let sut: Session;

  beforeEach(() => {
    sut = Session.start({ id: 'session-1', userId: 'user-1', now: NOW });
  });

  it('starts active for the user', () => {
    expect(sut.id).toBe('session-1');
    expect(sut.userId).toBe('user-1');
    expect(sut.createdAt).toEqual(NOW);
    expect(sut.isRevoked()).toBe(false);
    expect(sut.revokedAt).toBeNull();
    expect(sut.revokedReason).toBeNull();
  });

  describe('present', () => {
    it('rotates a fresh token and spends it', () => {
      const token = tokenOf('session-1');

      expect(sut.present(token, at(1_000))).toBe('rotate');
      expect(token.usedAt).toEqual(at(1_000));
      expect(sut.isRevoked()).toBe(false);
    });

    it('replays the rotation when a spent token comes back within the grace window', () => {
      const token = tokenOf('session-1', at(0));

      expect(sut.present(token, at(REUSE_GRACE_MS), tokenOf('session-1'))).toBe('replay');
      expect(token.usedAt).toEqual(at(0));
      expect(sut.isRevoked()).toBe(false);
    });

    it('detects reuse within the grace window once the successor was used', () => {
      const token = tokenOf('session-1', at(0));

      expect(sut.present(token, at(1_000), tokenOf('session-1', at(500)))).toBe('reuse-detected');
      expect(sut.revokedReason).toBe('REUSE');
    });

    it('refuses a retry within the grace window whose successor is unknown, revoking nothing', () => {
      const token = tokenOf('session-1', at(0));

      expect(() => sut.present(token, at(1_000), null)).toThrow(UnauthorizedError);
      expect(sut.isRevoked()).toBe(false);
    });

    it('never replays into a successor of another session', () => {
      const token = tokenOf('session-1', at(0));

      expect(() => sut.present(token, at(1_000), tokenOf('session-2'))).toThrow(UnauthorizedError);
      expect(sut.isRevoked()).toBe(false);
    });

    it('detects reuse beyond the grace window and revokes the session', () => {
      const token = tokenOf('session-1', at(0));

      expect(sut.present(token, at(REUSE_GRACE_MS + 1), tokenOf('session-1'))).toBe(
        'reuse-detected',
      );
      expect(sut.isRevoked()).toBe(true);
      expect(sut.revokedAt).toEqual(at(REUSE_GRACE_MS + 1));
      expect(sut.revokedReason).toBe('REUSE');
    });

    it('treats the second use of a token rotated earlier as reuse once the grace is over', () => {
      const token = tokenOf('session-1');
      sut.present(token, at(0));

      expect(sut.present(token, at(REUSE_GRACE_MS + 10_000))).toBe('reuse-detected');
      expect(sut.revokedReason).toBe('REUSE');
    });

    it('rejects an expired token without spending it', () => {
      const token = tokenOf('session-1', null, at(1_000));

      expect(() => sut.present(token, at(1_000))).toThrow(UnauthorizedError);
      expect(token.usedAt).toBeNull();
      expect(sut.isRevoked()).toBe(false);
    });

    it('rejects any token of a revoked session', () => {
      sut.revoke(at(0), 'LOGOUT');
      const token = tokenOf('session-1');

      expect(() => sut.present(token, at(1_000))).toThrow(UnauthorizedError);
      expect(token.usedAt).toBeNull();
    });

    it('rejects a token of another session and leaves both untouched', () => {
      const token = tokenOf('session-2', at(0));

      expect(() => sut.present(token, at(REUSE_GRACE_MS * 10))).toThrow(UnauthorizedError);
      expect(sut.isRevoked()).toBe(false);
      expect(token.usedAt).toEqual(at(0));
    });
  });

  describe('revoke', () => {
    it('records when and why', () => {
      sut.revoke(at(5), 'LOGOUT');

      expect(sut.isRevoked()).toBe(true);
      expect(sut.revokedAt).toEqual(at(5));
      expect(sut.revokedReason).toBe('LOGOUT');
    });

    it('is idempotent: the first revocation is kept', () => {
      sut.revoke(at(5), 'REUSE');
      sut.revoke(at(10), 'LOGOUT');

      expect(sut.revokedAt).toEqual(at(5));
      expect(sut.revokedReason).toBe('REUSE');
    });
  });

  it('rehydrates a revoked session as revoked', () => {
    const stored = Session.rehydrate({
      id: 'session-9',
      userId: 'user-1',
      createdAt: NOW,
      revokedAt: at(1),
      revokedReason: 'LOGOUT',
    });

    expect(stored.isRevoked()).toBe(true);
    expect(() => stored.present(tokenOf('session-9'), at(2))).toThrow(UnauthorizedError);
  });
});
