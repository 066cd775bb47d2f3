import { createHash, createHmac, hkdfSync } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AppConfig } from '../../../../platform/config/app-config';
import { MemberTokenCodec } from '../../application/ports/member-token-codec.port';

/**
 * token = base64url(HMAC-SHA-256(K, "member-token\0" + id)), K derived by
 * HKDF from BLIND_INDEX_KEY (which API and worker both hold); stored:
 * SHA-256(token). A database or backup alone yields no usable token.
 */
@Injectable()
export class HmacMemberTokenCodec extends MemberTokenCodec {
  private readonly key: Buffer;

  constructor(config: AppConfig) {
    super();
    this.key = Buffer.from(
      hkdfSync(
        'sha256',
        config.personalData.blindIndexKey,
        Buffer.alloc(0),
        'hexashop member tokens v1',
        32,
      ),
    );
  }

  tokenFor(tokenId: string): string {
    return createHmac('sha256', this.key)
      .update(`member-token\u0000${tokenId}`)
      .digest('base64url');
  }

  hash(token: string): string {
    return createHash('sha256').update(token, 'utf8').digest('hex');
  }
}
