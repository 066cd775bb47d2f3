/** Why a single-use token was e-mailed. */
export type MemberTokenPurpose = 'EMAIL_CHANGE' | 'PASSWORD_RESET';

/** How long a token works: a reset 30 minutes (issue "Members"), an e-mail confirmation a day. */
export const MEMBER_TOKEN_TTL_MS: Readonly<Record<MemberTokenPurpose, number>> = {
  EMAIL_CHANGE: 24 * 60 * 60 * 1000,
  PASSWORD_RESET: 30 * 60 * 1000,
};

/** A single-use token as stored: its id, owner, purpose and, for an e-mail change, the new address. */
export interface MemberToken {
  readonly id: string;
  readonly userId: string;
  readonly purpose: MemberTokenPurpose;
  readonly newEmail: string | null;
  readonly expiresAt: Date;
  readonly usedAt: Date | null;
}
