/** The profile a user sees of themselves. */
export interface UserView {
  readonly id: string;
  readonly email: string;
  readonly name: string;
  /** E.164, or null when none was given. */
  readonly phone: string | null;
  readonly role: string;
  readonly createdAt: string;
}
