/**
 * Security-relevant events, each written as one structured log line and
 * counted (`hexashop_security_events_total{event}`). The adapter adds the
 * client address and the request id; events carry user ids, never an
 * e-mail, a token or a password.
 */
export const SECURITY_EVENTS = [
  'login_succeeded',
  'login_failed',
  /** A login refused with 429 because the e-mail or the client address had too many failures. */
  'login_locked_out',
  /** A spent refresh token presented again: its whole family (session) was revoked. */
  'refresh_token_reused',
  'logged_out',
  /** An administrator changed a user's role (`subjectUserId`; `detail.from`, `detail.to`). */
  'role_changed',
  /** An administrator asked for a dead letter to be redriven (`detail.deadLetterId`). */
  'dead_letter_redrive_requested',
] as const;

export type SecurityEventName = (typeof SECURITY_EVENTS)[number];

export interface SecurityEvent {
  readonly event: SecurityEventName;
  /** Who acted (null when unknown, e.g. a failed login for an unknown e-mail). */
  readonly userId: string | null;
  /** Whom it was done to, when not the actor (role changes). */
  readonly subjectUserId?: string | null;
  /** Bounded extra facts (role names, a dead letter id): never personal data or secrets. */
  readonly detail?: Readonly<Record<string, string>>;
}

/** Records a security event (synchronous: a log line and a counter, it cannot fail the caller). */
export abstract class SecurityEvents {
  abstract record(event: SecurityEvent): void;
}
