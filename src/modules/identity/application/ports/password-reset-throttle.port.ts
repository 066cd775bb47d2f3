/** Counts password-reset requests per e-mail address and per client address (shared across instances). */
export abstract class PasswordResetThrottle {
  /** Counts one request; seconds to wait when either counter is past its limit, else 0. */
  abstract hit(email: string, clientAddress: string): Promise<number>;
}
