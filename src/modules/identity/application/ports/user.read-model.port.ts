import { UserView } from '../queries/get-current-user/user.view';
import { AdminUserView } from '../queries/get-user/admin-user.view';

/** Read side of users (replica, read-your-writes aware). */
export abstract class UserReadModel {
  /** The user's public profile; null if no such user. */
  abstract findById(id: string): Promise<UserView | null>;

  /** The account with this normalised e-mail address (exact match, through the blind index); null if none. */
  abstract findByEmail(email: string): Promise<UserView | null>;

  /** The account for an administrator, erased ones included (personal fields null); null if no such id. */
  abstract findAccount(id: string): Promise<AdminUserView | null>;
}
