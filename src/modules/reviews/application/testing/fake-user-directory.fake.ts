import {
  PasswordResetMail,
  PendingEmailChange,
  UserContact,
  UserDirectory,
} from '../../../identity/application/ports/user-directory.port';

/** Members' contacts by id, as given by the test; unknown (or erased) ids have none. */
export class FakeUserDirectory extends UserDirectory {
  private readonly contacts = new Map<string, UserContact>();

  put(userId: string, name: string): void {
    this.contacts.set(userId, { email: `${userId}@example.test`, name });
  }

  contact(userId: string): Promise<UserContact | null> {
    return Promise.resolve(this.contacts.get(userId) ?? null);
  }

  pendingEmailChange(): Promise<PendingEmailChange | null> {
    return Promise.resolve(null);
  }

  passwordReset(): Promise<PasswordResetMail | null> {
    return Promise.resolve(null);
  }
}
