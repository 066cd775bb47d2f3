import { RefreshToken } from '../../domain/refresh-token.entity';
import { Session, SessionRevocationReason } from '../../domain/session.aggregate';
import { RefreshTokenOrmEntity } from './refresh-token.orm-entity';
import { SessionOrmEntity } from './session.orm-entity';

/** Converts sessions and refresh tokens to and from rows. */
export class SessionPersistenceMapper {
  static sessionToDomain(row: SessionOrmEntity): Session {
    return Session.rehydrate({
      id: row.id,
      userId: row.userId,
      createdAt: row.createdAt,
      revokedAt: row.revokedAt,
      revokedReason: row.revokedReason as SessionRevocationReason | null,
    });
  }

  static tokenToDomain(row: RefreshTokenOrmEntity): RefreshToken {
    return RefreshToken.rehydrate({
      id: row.id,
      sessionId: row.sessionId,
      tokenHash: row.tokenHash,
      expiresAt: row.expiresAt,
      usedAt: row.usedAt,
    });
  }

  static sessionToRow(session: Session): SessionOrmEntity {
    const row = new SessionOrmEntity();
    row.id = session.id;
    row.userId = session.userId;
    row.createdAt = session.createdAt;
    row.revokedAt = session.revokedAt;
    row.revokedReason = session.revokedReason;
    return row;
  }

  static tokenToRow(token: RefreshToken, createdAt: Date): RefreshTokenOrmEntity {
    const row = new RefreshTokenOrmEntity();
    row.id = token.id;
    row.sessionId = token.sessionId;
    row.tokenHash = token.tokenHash;
    row.expiresAt = token.expiresAt;
    row.usedAt = token.usedAt;
    row.createdAt = createdAt;
    return row;
  }
}
