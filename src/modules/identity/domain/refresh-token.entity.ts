/** One refresh token of a session; only its hash is stored. */
export class RefreshToken {
  private constructor(
    readonly id: string,
    readonly sessionId: string,
    readonly tokenHash: string,
    readonly expiresAt: Date,
    private usedAtValue: Date | null,
  ) {}

  static issue(input: {
    id: string;
    sessionId: string;
    tokenHash: string;
    expiresAt: Date;
  }): RefreshToken {
    return new RefreshToken(input.id, input.sessionId, input.tokenHash, input.expiresAt, null);
  }

  static rehydrate(props: {
    id: string;
    sessionId: string;
    tokenHash: string;
    expiresAt: Date;
    usedAt: Date | null;
  }): RefreshToken {
    return new RefreshToken(
      props.id,
      props.sessionId,
      props.tokenHash,
      props.expiresAt,
      props.usedAt,
    );
  }

  get usedAt(): Date | null {
    return this.usedAtValue;
  }

  isExpired(now: Date): boolean {
    return this.expiresAt.getTime() <= now.getTime();
  }

  /** Spends the token; the first use wins and is kept. */
  spend(now: Date): void {
    this.usedAtValue ??= now;
  }
}
