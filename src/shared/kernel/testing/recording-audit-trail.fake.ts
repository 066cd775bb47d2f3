import { AuditEntry, AuditTrail } from '../audit-trail.port';
import { ServiceUnavailableError } from '../service-unavailable.error';
import { ImmediateUnitOfWork } from './immediate-unit-of-work.fake';

export interface RecordedAudit extends AuditEntry {
  readonly kind: 'change' | 'access';
  /** The fake transaction a change was recorded in. */
  readonly transaction: number | undefined;
}

/**
 * Keeps audit entries in memory. A change outside a transaction is an error,
 * like in the adapter; `failAccess` makes every access write fail (503).
 */
export class RecordingAuditTrail extends AuditTrail {
  readonly entries: RecordedAudit[] = [];
  failAccess = false;

  constructor(private readonly unitOfWork?: ImmediateUnitOfWork) {
    super();
    unitOfWork?.enlist({
      checkpoint: () => {
        const length = this.entries.length;
        return () => void this.entries.splice(length);
      },
    });
  }

  async recordChange(entry: AuditEntry): Promise<void> {
    if (this.unitOfWork && this.unitOfWork.currentTransaction === undefined)
      throw new Error('AuditTrail.recordChange must run inside UnitOfWork.run');
    this.entries.push({
      ...entry,
      kind: 'change',
      transaction: this.unitOfWork?.currentTransaction,
    });
  }

  async recordAccess(entry: AuditEntry): Promise<void> {
    if (this.failAccess) throw new ServiceUnavailableError('The access could not be recorded');
    this.entries.push({ ...entry, kind: 'access', transaction: undefined });
  }

  actions(): string[] {
    return this.entries.map((entry) => entry.action);
  }
}
