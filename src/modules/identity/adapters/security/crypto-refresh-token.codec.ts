import { createHash, createHmac, randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AppConfig } from '../../../../platform/config/app-config';
import { RefreshTokenCodec } from '../../application/ports/refresh-token-codec.port';

/**
 * 256-bit refresh tokens: random at login, HMAC-SHA256 of the previous token
 * on rotation (key derived from JWT_SECRET, domain-separated); stored as
 * SHA-256 (a fast hash is enough for high-entropy secrets, and lets the token
 * be looked up by its hash).
 */
@Injectable()
export class CryptoRefreshTokenCodec extends RefreshTokenCodec {
  private readonly successorKey: Buffer;

  constructor(private readonly config: AppConfig) {
    super();
    this.successorKey = createHmac('sha256', config.jwt.secret)
      .update('hexashop/refresh-token-successor/v1')
      .digest();
  }

  successorOf(token: string): { token: string; hash: string } {
    const successor = createHmac('sha256', this.successorKey).update(token).digest('base64url');
    return { token: successor, hash: this.hash(successor) };
  }

  generate(): { token: string; hash: string } {
    const token = randomBytes(32).toString('base64url');
    return { token, hash: this.hash(token) };
  }

  hash(token: string): string {
    return createHash('sha256').update(token).digest('hex');
  }

  ttlSeconds(): number {
    return this.config.jwt.refreshTtlSeconds;
  }
}
