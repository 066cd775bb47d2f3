import { RefreshToken } from '../../domain/refresh-token.entity';
import { Session } from '../../domain/session.aggregate';

/** Login sessions and their refresh tokens (primary, current UnitOfWork). */
export abstract class SessionRepository {
  /** Inserts a new session. */
  abstract add(session: Session): Promise<void>;

  /** Inserts a new refresh token. */
  abstract addToken(token: RefreshToken): Promise<void>;

  /**
   * The token with this hash and its session, both row-locked until the
   * transaction ends, so concurrent refreshes of one token are serialized.
   */
  abstract findByTokenHashForUpdate(
    tokenHash: string,
  ): Promise<{ session: Session; token: RefreshToken } | null>;

  /** The session with this id, row-locked; null if none. */
  abstract findByIdForUpdate(sessionId: string): Promise<Session | null>;

  /** Every session of the user that is not revoked, row-locked, in id order. */
  abstract liveForUserForUpdate(userId: string): Promise<Session[]>;

  /** Persists a session's revocation and a token's spending. */
  abstract save(session: Session, token?: RefreshToken): Promise<void>;
}
