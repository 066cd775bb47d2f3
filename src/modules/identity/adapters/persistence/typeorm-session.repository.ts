import { Injectable } from '@nestjs/common';
import { IsNull } from 'typeorm';
import { Clock } from '../../../../shared/kernel/clock.port';
import { TransactionContext } from '../../../../platform/database/transaction-context';
import { SessionRepository } from '../../application/ports/session.repository.port';
import { RefreshToken } from '../../domain/refresh-token.entity';
import { Session } from '../../domain/session.aggregate';
import { RefreshTokenOrmEntity } from './refresh-token.orm-entity';
import { SessionOrmEntity } from './session.orm-entity';
import { SessionPersistenceMapper } from './session.persistence-mapper';

interface JoinedRow {
  t_id: string;
  t_session_id: string;
  t_token_hash: string;
  t_expires_at: Date;
  t_used_at: Date | null;
  s_id: string;
  s_user_id: string;
  s_created_at: Date;
  s_revoked_at: Date | null;
  s_revoked_reason: string | null;
}

@Injectable()
export class TypeOrmSessionRepository extends SessionRepository {
  constructor(
    private readonly transaction: TransactionContext,
    private readonly clock: Clock,
  ) {
    super();
  }

  async add(session: Session): Promise<void> {
    await this.transaction
      .manager()
      .insert(SessionOrmEntity, SessionPersistenceMapper.sessionToRow(session));
  }

  async addToken(token: RefreshToken): Promise<void> {
    await this.transaction
      .manager()
      .insert(RefreshTokenOrmEntity, SessionPersistenceMapper.tokenToRow(token, this.clock.now()));
  }

  async findByTokenHashForUpdate(
    tokenHash: string,
  ): Promise<{ session: Session; token: RefreshToken } | null> {
    // Locks the token row first (unique index), then its session.
    const rows = (await this.transaction.manager().query(
      `SELECT t.id AS t_id, t.session_id AS t_session_id, t.token_hash AS t_token_hash, t.expires_at AS t_expires_at,
              t.used_at AS t_used_at, s.id AS s_id, s.user_id AS s_user_id, s.created_at AS s_created_at,
              s.revoked_at AS s_revoked_at, s.revoked_reason AS s_revoked_reason
         FROM refresh_tokens t JOIN auth_sessions s ON s.id = t.session_id
        WHERE t.token_hash = ?
        FOR UPDATE`,
      [tokenHash],
    )) as JoinedRow[];
    const row = rows[0];
    if (!row) return null;
    return {
      token: RefreshToken.rehydrate({
        id: row.t_id,
        sessionId: row.t_session_id,
        tokenHash: row.t_token_hash,
        expiresAt: new Date(row.t_expires_at),
        usedAt: row.t_used_at ? new Date(row.t_used_at) : null,
      }),
      session: Session.rehydrate({
        id: row.s_id,
        userId: row.s_user_id,
        createdAt: new Date(row.s_created_at),
        revokedAt: row.s_revoked_at ? new Date(row.s_revoked_at) : null,
        revokedReason: row.s_revoked_reason as 'LOGOUT' | 'REUSE' | null,
      }),
    };
  }

  async findByIdForUpdate(sessionId: string): Promise<Session | null> {
    const row = await this.transaction
      .manager()
      .findOne(SessionOrmEntity, { where: { id: sessionId }, lock: { mode: 'pessimistic_write' } });
    return row ? SessionPersistenceMapper.sessionToDomain(row) : null;
  }

  async liveForUserForUpdate(userId: string): Promise<Session[]> {
    const rows = await this.transaction.manager().find(SessionOrmEntity, {
      where: { userId, revokedAt: IsNull() },
      order: { id: 'ASC' },
      lock: { mode: 'pessimistic_write' },
    });
    return rows.map((row) => SessionPersistenceMapper.sessionToDomain(row));
  }

  async save(session: Session, token?: RefreshToken): Promise<void> {
    const manager = this.transaction.manager();
    await manager.update(
      SessionOrmEntity,
      { id: session.id },
      { revokedAt: session.revokedAt, revokedReason: session.revokedReason },
    );
    if (token)
      await manager.update(RefreshTokenOrmEntity, { id: token.id }, { usedAt: token.usedAt });
  }
}
