export interface UserContact {
  readonly email: string;
  readonly name: string;
}

/** Contact details of users for other modules (e-mails). */
export abstract class UserDirectory {
  /** The user's e-mail address and name, read on the primary (jobs may run right after sign-up); null if there is no such user. */
  abstract contact(userId: string): Promise<UserContact | null>;
}
