/** The profile a user sees of themselves. */
export interface UserView {
  readonly id: string;
  readonly email: string;
  readonly name: string;
  readonly role: string;
  readonly createdAt: string;
}
