import { createHash, randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AppConfig } from '../../../../platform/config/app-config';
import { RefreshTokenCodec } from '../../application/ports/refresh-token-codec.port';

/**
 * 256-bit random refresh tokens; stored as SHA-256 (a fast hash is enough for
 * high-entropy secrets, and lets the token be looked up by its hash).
 */
@Injectable()
export class CryptoRefreshTokenCodec extends RefreshTokenCodec {
  constructor(private readonly config: AppConfig) {
    super();
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
