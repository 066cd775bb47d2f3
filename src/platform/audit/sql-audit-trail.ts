import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditEntry, AuditTrail } from '../../shared/kernel/audit-trail.port';
import { Clock } from '../../shared/kernel/clock.port';
import { IdGenerator } from '../../shared/kernel/id-generator.port';
import { ServiceUnavailableError } from '../../shared/kernel/service-unavailable.error';
import { BlindIndex } from '../crypto/blind-index';
import { TransactionContext } from '../database/transaction-context';
import { RequestContext } from '../request-context/request-context';
import { withTimeout } from '../resilience/with-timeout';
import { safeErrorMessage } from '../observability/safe-error';

/** An access is not answered without its audit row; waiting longer than this answers 503 instead. */
const ACCESS_TIMEOUT_MS = 2000;

const INSERT = `INSERT INTO audit_events
  (id, occurred_at, actor_user_id, actor_role, action, subject_user_id, resource, request_id, client_address_hmac)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`;

/** audit_events in MySQL; the table refuses UPDATE and DELETE (triggers). */
@Injectable()
export class SqlAuditTrail extends AuditTrail {
  private readonly logger = new Logger(SqlAuditTrail.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly transaction: TransactionContext,
    private readonly blindIndex: BlindIndex,
    private readonly ids: IdGenerator,
    private readonly clock: Clock,
  ) {
    super();
  }

  async recordChange(entry: AuditEntry): Promise<void> {
    if (!this.transaction.active())
      throw new Error('AuditTrail.recordChange must run inside UnitOfWork.run');
    await this.transaction.manager().query(INSERT, this.row(entry));
  }

  async recordAccess(entry: AuditEntry): Promise<void> {
    try {
      // Autocommit on the primary, committed before the data leaves.
      await withTimeout(
        this.dataSource.query(INSERT, this.row(entry)),
        ACCESS_TIMEOUT_MS,
        'audit write',
      );
    } catch (error) {
      this.logger.error(`audit row for ${entry.action} not written: ${safeErrorMessage(error)}`);
      throw new ServiceUnavailableError('The access could not be recorded; nothing was returned');
    }
  }

  private row(entry: AuditEntry): unknown[] {
    const request = RequestContext.current();
    return [
      this.ids.next(),
      this.clock.now(),
      entry.actor.userId,
      entry.actor.role,
      entry.action,
      entry.subjectUserId,
      entry.resource.slice(0, 200),
      request?.requestId.slice(0, 64) ?? null,
      request?.clientAddress ? this.blindIndex.clientAddress(request.clientAddress) : null,
    ];
  }
}
