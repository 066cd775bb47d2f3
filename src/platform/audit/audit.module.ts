import { Global, Module } from '@nestjs/common';
import { AuditTrail } from '../../shared/kernel/audit-trail.port';
import { AuditLog } from './audit-log';
import { SqlAuditTrail } from './sql-audit-trail';

/** The append-only audit trail: its writer and its reader (ADR 0034). */
@Global()
@Module({
  providers: [{ provide: AuditTrail, useClass: SqlAuditTrail }, AuditLog],
  exports: [AuditTrail, AuditLog],
})
export class AuditModule {}
