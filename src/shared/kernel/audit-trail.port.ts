/** Who acted: a member or an administrator, or nobody authenticated (a reset by token). */
export interface AuditActor {
  readonly userId: string | null;
  readonly role: string | null;
}

/** One audit event: who did what to whose personal data, on which resource. */
export interface AuditEntry {
  readonly actor: AuditActor;
  /** Stable dotted name, e.g. `member.address.added`, `admin.user.read`. */
  readonly action: string;
  /** Whose personal data it is; null when nobody's in particular (a search without a match). */
  readonly subjectUserId: string | null;
  /** What was touched, e.g. `user:<id>`, `address:<id>`, `order:<id>`. */
  readonly resource: string;
}

/**
 * The append-only audit trail (ADR 0034). The adapter adds the time, the
 * request id and a pseudonym of the client address.
 */
export abstract class AuditTrail {
  /**
   * Records a change of personal data, role or password. Must run inside
   * `UnitOfWork.run`, so the row commits or rolls back with the change.
   */
  abstract recordChange(entry: AuditEntry): Promise<void>;

  /**
   * Records a read of another person's personal data; call it before the data
   * is returned. Fails closed: when the row cannot be written it throws
   * ServiceUnavailableError, and the read must not answer.
   */
  abstract recordAccess(entry: AuditEntry): Promise<void>;
}
