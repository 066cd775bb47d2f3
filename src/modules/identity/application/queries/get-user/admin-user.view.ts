/** An account as an administrator sees it; an erased member's personal fields are null. */
export interface AdminUserView {
  readonly id: string;
  readonly email: string | null;
  readonly name: string | null;
  readonly phone: string | null;
  readonly role: string;
  readonly createdAt: string;
  /** When the member erased their account; null while it exists. */
  readonly erasedAt: string | null;
}
