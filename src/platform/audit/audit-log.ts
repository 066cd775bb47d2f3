import { Injectable } from '@nestjs/common';
import { IdCursor } from '../../shared/kernel/id-cursor';
import { ReadDatabase } from '../database/read-database';

/** One audit event as shown to administrators. */
export interface AuditEventView {
  readonly id: string;
  readonly at: string;
  readonly actorUserId: string | null;
  readonly actorRole: string | null;
  readonly action: string;
  readonly subjectUserId: string | null;
  readonly resource: string;
  readonly requestId: string | null;
}

export interface AuditEventPage {
  readonly items: AuditEventView[];
  readonly nextCursor: string | null;
}

interface Row {
  id: string;
  occurred_at: Date;
  actor_user_id: string | null;
  actor_role: string | null;
  action: string;
  subject_user_id: string | null;
  resource: string;
  request_id: string | null;
}

/**
 * Reads audit_events newest first (ids are UUIDv7, so id order is time
 * order), by subject and/or actor, keyset-paged; on a replica, with the
 * caller's own recent writes routed to the primary.
 */
@Injectable()
export class AuditLog {
  constructor(private readonly database: ReadDatabase) {}

  async list(
    filter: { subjectUserId?: string | undefined; actorUserId?: string | undefined },
    limit: number,
    cursor?: string,
  ): Promise<AuditEventPage> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (filter.subjectUserId !== undefined) {
      where.push('subject_user_id = ?');
      params.push(filter.subjectUserId);
    }
    if (filter.actorUserId !== undefined) {
      where.push('actor_user_id = ?');
      params.push(filter.actorUserId);
    }
    if (cursor !== undefined) {
      where.push('id < ?');
      params.push(IdCursor.decode(cursor));
    }
    const rows = await this.database.query<Row>(
      `SELECT id, occurred_at, actor_user_id, actor_role, action, subject_user_id, resource, request_id
         FROM audit_events ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY id DESC LIMIT ?`,
      [...params, limit + 1],
    );
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return {
      items: page.map((row) => ({
        id: row.id,
        at: new Date(row.occurred_at).toISOString(),
        actorUserId: row.actor_user_id,
        actorRole: row.actor_role,
        action: row.action,
        subjectUserId: row.subject_user_id,
        resource: row.resource,
        requestId: row.request_id,
      })),
      nextCursor: rows.length > limit && last ? IdCursor.encode(last.id) : null,
    };
  }
}
