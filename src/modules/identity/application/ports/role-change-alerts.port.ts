/** A role change, as a security event. */
export interface RoleChange {
  readonly actorUserId: string;
  readonly subjectUserId: string;
  readonly from: string;
  readonly to: string;
}

/** Where security-relevant identity events go (alerting), apart from the audit trail. */
export abstract class RoleChangeAlerts {
  /** Raises "role changed"; never throws (the change is already committed). */
  abstract roleChanged(change: RoleChange): void;
}
