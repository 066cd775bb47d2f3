import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { AppConfig } from '../../../../platform/config/app-config';
import {
  AccessTokenIssuer,
  IssuedAccessToken,
} from '../../application/ports/access-token-issuer.port';

/** HS256 JWTs with issuer, audience, expiry, a unique `jti` and the session id. */
@Injectable()
export class JwtAccessTokenIssuer extends AccessTokenIssuer {
  constructor(
    private readonly jwt: JwtService,
    private readonly config: AppConfig,
  ) {
    super();
  }

  async issue(subject: {
    userId: string;
    role: string;
    sessionId: string;
  }): Promise<IssuedAccessToken> {
    const tokenId = randomUUID();
    const expiresIn = this.config.jwt.accessTtlSeconds;
    const token = await this.jwt.signAsync(
      { role: subject.role, sid: subject.sessionId, typ: 'access' },
      {
        subject: subject.userId,
        jwtid: tokenId,
        expiresIn,
        algorithm: 'HS256',
        issuer: this.config.jwt.issuer,
        audience: this.config.jwt.audience,
      },
    );
    return { token, tokenId, expiresIn };
  }
}
