import { AggregateRoot } from '../../../shared/kernel/aggregate-root';
import { UnauthorizedError } from '../../../shared/kernel/unauthorized.error';
import { RefreshToken } from './refresh-token.entity';

/**
 * A spent refresh token presented again within this window is treated as a
 * retry after a lost response, not as theft.
 */
export const REUSE_GRACE_MS = 5_000;

/**
 * `rotate`: spend the token and mint its successor. `replay`: a retry within
 * the grace; answer with the successor the first rotation minted (still
 * unspent), never a second one. `reuse-detected`: the session was revoked.
 */
export type RefreshOutcome = 'rotate' | 'replay' | 'reuse-detected';

/** LOGOUT, refresh REUSE detected, a PASSWORD change (other sessions), a password RESET, an ERASURE, a ROLE change. */
export type SessionRevocationReason =
  'LOGOUT' | 'REUSE' | 'PASSWORD' | 'RESET' | 'ERASURE' | 'ROLE';

export interface SessionProps {
  readonly id: string;
  readonly userId: string;
  readonly createdAt: Date;
  readonly revokedAt: Date | null;
  readonly revokedReason: SessionRevocationReason | null;
}

/**
 * A login session: the family of refresh tokens minted from one login.
 * Rotation spends the presented token; presenting a spent token again after
 * the grace window revokes the whole family.
 */
export class Session extends AggregateRoot {
  private constructor(private props: SessionProps) {
    super();
  }

  static start(input: { id: string; userId: string; now: Date }): Session {
    return new Session({
      id: input.id,
      userId: input.userId,
      createdAt: input.now,
      revokedAt: null,
      revokedReason: null,
    });
  }

  static rehydrate(props: SessionProps): Session {
    return new Session(props);
  }

  get id(): string {
    return this.props.id;
  }

  get userId(): string {
    return this.props.userId;
  }

  get createdAt(): Date {
    return this.props.createdAt;
  }

  get revokedAt(): Date | null {
    return this.props.revokedAt;
  }

  get revokedReason(): SessionRevocationReason | null {
    return this.props.revokedReason;
  }

  isRevoked(): boolean {
    return this.props.revokedAt !== null;
  }

  /**
   * Decides what presenting `token` means. A fresh token rotates. A spent one
   * within the grace window replays the rotation that spent it, as long as
   * that rotation's `successor` is still unspent: a retry never yields a
   * second, independent token of the family. A spent token whose successor
   * was used already, or any spent token beyond the grace, revokes the
   * session. Without a known successor a retry fails (401), revoking nothing.
   */
  present(token: RefreshToken, now: Date, successor: RefreshToken | null = null): RefreshOutcome {
    if (token.sessionId !== this.props.id) throw new UnauthorizedError('Invalid refresh token');
    if (this.isRevoked()) throw new UnauthorizedError('Session was revoked');
    if (token.isExpired(now)) throw new UnauthorizedError('Refresh token expired');
    if (token.usedAt === null) {
      token.spend(now);
      return 'rotate';
    }
    const withinGrace = now.getTime() - token.usedAt.getTime() <= REUSE_GRACE_MS;
    if (withinGrace && successor?.sessionId === this.props.id && successor.usedAt === null)
      return 'replay';
    if (withinGrace && successor?.sessionId !== this.props.id)
      throw new UnauthorizedError('Refresh token was already used');
    this.revoke(now, 'REUSE');
    return 'reuse-detected';
  }

  /** Ends the session; idempotent. */
  revoke(now: Date, reason: SessionRevocationReason): void {
    if (this.isRevoked()) return;
    this.props = { ...this.props, revokedAt: now, revokedReason: reason };
  }
}
