import { Injectable } from '@nestjs/common';
import { RedisService } from '../redis/redis.service';
import { lastWriteKey } from '../database/read-your-writes';

export interface TokenCheck {
  /** True when the token or its session was revoked. */
  readonly revoked: boolean;
  /** Last write of the user for read-your-writes, fetched in the same round trip. */
  readonly lastWriteAt: number | null | 'unknown';
}

const tokenKey = (jti: string): string => `deny:jti:${jti}`;
const sessionKey = (sessionId: string): string => `deny:sid:${sessionId}`;

/**
 * Revoked access tokens, kept in Redis until they would expire anyway, shared
 * by every API instance. Revoking a whole session covers every access token
 * minted in it (logout, refresh-token reuse).
 */
@Injectable()
export class AccessTokenDenylist {
  constructor(private readonly redis: RedisService) {}

  /** Denies one token until `expiresAt` (epoch seconds). */
  async revokeToken(jti: string, expiresAt: number): Promise<void> {
    const ttlMs = Math.max(1000, expiresAt * 1000 - Date.now());
    await this.redis.client.set(tokenKey(jti), '1', 'PX', ttlMs);
  }

  /** Denies every token of a session for `ttlSeconds` (the access-token lifetime). */
  async revokeSession(sessionId: string, ttlSeconds: number): Promise<void> {
    await this.redis.client.set(sessionKey(sessionId), '1', 'EX', ttlSeconds);
  }

  /**
   * Checks a token in one round trip. When Redis cannot answer, the token is
   * accepted (availability over a revocation that lives at most one access
   * TTL; see ADR 0006) and the read-your-writes state is unknown.
   */
  async check(jti: string, sessionId: string, userId: string): Promise<TokenCheck> {
    try {
      const [token, session, lastWrite] = await this.redis.client.mget(
        tokenKey(jti),
        sessionKey(sessionId),
        lastWriteKey(userId),
      );
      return {
        revoked: token !== null || session !== null,
        lastWriteAt: lastWrite === null ? null : Number(lastWrite),
      };
    } catch {
      return { revoked: false, lastWriteAt: 'unknown' };
    }
  }
}
