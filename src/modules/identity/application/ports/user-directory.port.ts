export interface UserContact {
  readonly email: string;
  readonly name: string;
}

/** What the e-mail change messages need: both addresses, the name and the token (derived, never stored). */
export interface PendingEmailChange {
  readonly newEmail: string;
  readonly currentEmail: string;
  readonly name: string;
  readonly token: string;
}

/** What the password reset message needs. */
export interface PasswordResetMail {
  readonly email: string;
  readonly name: string;
  readonly token: string;
}

/** Contact details of users for other modules (e-mails). */
export abstract class UserDirectory {
  /** The user's e-mail address and name, read on the primary (jobs may run right after sign-up); null if there is no such user. */
  abstract contact(userId: string): Promise<UserContact | null>;

  /** The e-mail change of this member token (read on the primary); null when gone or the member was erased. */
  abstract pendingEmailChange(tokenId: string): Promise<PendingEmailChange | null>;

  /** The password reset of this member token (read on the primary); null when gone or the member was erased. */
  abstract passwordReset(tokenId: string): Promise<PasswordResetMail | null>;
}
