import { ImmediateUnitOfWork } from '../../../../shared/kernel/testing/immediate-unit-of-work.fake';
import { RefreshToken } from '../../domain/refresh-token.entity';
import { Session, SessionProps } from '../../domain/session.aggregate';
import { SessionRepository } from '../ports/session.repository.port';

interface TokenRow {
  readonly id: string;
  readonly sessionId: string;
  readonly tokenHash: string;
  readonly expiresAt: Date;
  readonly usedAt: Date | null;
}

/**
 * Sessions and refresh tokens stored as plain rows: every read returns fresh
 * objects, so a change only sticks when the handler saves it, as with the
 * database. What a rolled-back transaction wrote is gone.
 */
export class InMemorySessionRepository extends SessionRepository {
  private sessions = new Map<string, SessionProps>();
  private tokens = new Map<string, TokenRow>();

  constructor(unitOfWork?: ImmediateUnitOfWork) {
    super();
    unitOfWork?.enlist({
      checkpoint: () => {
        const sessions = new Map(this.sessions);
        const tokens = new Map(this.tokens);
        return () => {
          this.sessions = sessions;
          this.tokens = tokens;
        };
      },
    });
  }

  /** The stored session, or undefined. */
  storedSession(id: string): Session | undefined {
    const row = this.sessions.get(id);
    return row ? Session.rehydrate(row) : undefined;
  }

  /** All stored sessions, in insertion order. */
  storedSessions(): Session[] {
    return [...this.sessions.values()].map((row) => Session.rehydrate(row));
  }

  /** The stored token with this hash, or undefined. */
  storedToken(tokenHash: string): RefreshToken | undefined {
    const row = [...this.tokens.values()].find((token) => token.tokenHash === tokenHash);
    return row ? RefreshToken.rehydrate(row) : undefined;
  }

  /** Drops a stored token, as if it had been minted before the stored form existed. */
  forgetToken(tokenHash: string): void {
    for (const [id, row] of this.tokens) if (row.tokenHash === tokenHash) this.tokens.delete(id);
  }

  /** All stored tokens, in insertion order. */
  storedTokens(): RefreshToken[] {
    return [...this.tokens.values()].map((row) => RefreshToken.rehydrate(row));
  }

  async add(session: Session): Promise<void> {
    if (this.sessions.has(session.id)) throw new Error(`duplicate session id ${session.id}`);
    this.sessions.set(session.id, sessionRow(session));
  }

  async addToken(token: RefreshToken): Promise<void> {
    if (this.tokens.has(token.id)) throw new Error(`duplicate token id ${token.id}`);
    if (this.storedToken(token.tokenHash)) throw new Error('duplicate token hash');
    this.tokens.set(token.id, tokenRow(token));
  }

  async findByTokenHashForUpdate(
    tokenHash: string,
  ): Promise<{ session: Session; token: RefreshToken } | null> {
    const token = this.storedToken(tokenHash);
    const session = token ? this.storedSession(token.sessionId) : undefined;
    return token && session ? { session, token } : null;
  }

  async liveForUserForUpdate(userId: string): Promise<Session[]> {
    return [...this.sessions.keys()]
      .sort()
      .map((id) => this.storedSession(id)!)
      .filter((session) => session.userId === userId && !session.isRevoked());
  }

  async findByIdForUpdate(sessionId: string): Promise<Session | null> {
    return this.storedSession(sessionId) ?? null;
  }

  async save(session: Session, token?: RefreshToken): Promise<void> {
    // Like the UPDATE statements of the real adapter: rows that do not exist stay absent.
    if (this.sessions.has(session.id)) this.sessions.set(session.id, sessionRow(session));
    if (token && this.tokens.has(token.id)) this.tokens.set(token.id, tokenRow(token));
  }
}

function sessionRow(session: Session): SessionProps {
  return {
    id: session.id,
    userId: session.userId,
    createdAt: session.createdAt,
    revokedAt: session.revokedAt,
    revokedReason: session.revokedReason,
  };
}

function tokenRow(token: RefreshToken): TokenRow {
  return {
    id: token.id,
    sessionId: token.sessionId,
    tokenHash: token.tokenHash,
    expiresAt: token.expiresAt,
    usedAt: token.usedAt,
  };
}
