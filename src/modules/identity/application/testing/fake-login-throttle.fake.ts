import { LoginThrottle } from '../ports/login-throttle.port';

/**
 * Failure counters per email and per client address in memory; once either
 * reaches `maxFailures` the caller must wait `retryAfterSeconds`.
 */
export class FakeLoginThrottle extends LoginThrottle {
  readonly failures: Array<{ email: string; clientAddress: string }> = [];
  readonly resets: string[] = [];
  private readonly byEmail = new Map<string, number>();
  private readonly byAddress = new Map<string, number>();

  constructor(
    private readonly maxFailures = 5,
    private readonly retryAfterSeconds = 900,
  ) {
    super();
  }

  async retryAfter(email: string, clientAddress: string): Promise<number> {
    const blocked =
      (this.byEmail.get(email) ?? 0) >= this.maxFailures ||
      (this.byAddress.get(clientAddress) ?? 0) >= this.maxFailures;
    return blocked ? this.retryAfterSeconds : 0;
  }

  async recordFailure(email: string, clientAddress: string): Promise<void> {
    this.failures.push({ email, clientAddress });
    this.byEmail.set(email, (this.byEmail.get(email) ?? 0) + 1);
    this.byAddress.set(clientAddress, (this.byAddress.get(clientAddress) ?? 0) + 1);
  }

  async reset(email: string): Promise<void> {
    this.resets.push(email);
    this.byEmail.delete(email);
  }

  /** The failures currently counted for the email. */
  failuresFor(email: string): number {
    return this.byEmail.get(email) ?? 0;
  }
}
