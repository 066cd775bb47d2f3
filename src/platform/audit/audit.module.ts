import { Global, Module } from '@nestjs/common';
import { AuditTrail } from '../../shared/kernel/audit-trail.port';
import { SqlAuditTrail } from './sql-audit-trail';

/** The append-only audit trail writer (ADR 0034). */
@Global()
@Module({
  providers: [{ provide: AuditTrail, useClass: SqlAuditTrail }],
  exports: [AuditTrail],
})
export class AuditModule {}
