/** Counts failed logins per email and per client address (shared across instances). */
export abstract class LoginThrottle {
  /** Seconds to wait when either counter reached the limit, else 0. */
  abstract retryAfter(email: string, clientAddress: string): Promise<number>;

  /** Counts one failed attempt for both the email and the client address. */
  abstract recordFailure(email: string, clientAddress: string): Promise<void>;

  /** Clears the email's counter after a successful login. */
  abstract reset(email: string): Promise<void>;
}
