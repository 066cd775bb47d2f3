import { RefreshTokenCodec } from '../ports/refresh-token-codec.port';

/** Secrets `refresh-<n>`, "hashed" as `sha(<secret>)`. */
export class FakeRefreshTokenCodec extends RefreshTokenCodec {
  private counter = 0;

  constructor(private readonly ttl = 1_209_600) {
    super();
  }

  generate(): { token: string; hash: string } {
    this.counter += 1;
    const token = `refresh-${this.counter}`;
    return { token, hash: this.hash(token) };
  }

  successorOf(token: string): { token: string; hash: string } {
    const successor = `next(${token})`;
    return { token: successor, hash: this.hash(successor) };
  }

  hash(token: string): string {
    return `sha(${token})`;
  }

  ttlSeconds(): number {
    return this.ttl;
  }
}
