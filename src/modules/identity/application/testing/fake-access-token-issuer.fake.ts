import { AccessTokenIssuer, IssuedAccessToken } from '../ports/access-token-issuer.port';

export interface IssuedRecord extends IssuedAccessToken {
  readonly subject: { userId: string; role: string; sessionId: string };
}

/** Issues `access-<n>` tokens with id `jti-<n>` and records their subjects. */
export class FakeAccessTokenIssuer extends AccessTokenIssuer {
  readonly issued: IssuedRecord[] = [];

  constructor(private readonly expiresIn = 900) {
    super();
  }

  async issue(subject: {
    userId: string;
    role: string;
    sessionId: string;
  }): Promise<IssuedAccessToken> {
    const n = this.issued.length + 1;
    const token: IssuedAccessToken = {
      token: `access-${n}`,
      tokenId: `jti-${n}`,
      expiresIn: this.expiresIn,
    };
    this.issued.push({ ...token, subject: { ...subject } });
    return token;
  }
}
