import { UserView } from '../queries/get-current-user/user.view';

/** Read side of users (replica, read-your-writes aware). */
export abstract class UserReadModel {
  /** The user's public profile; null if no such user. */
  abstract findById(id: string): Promise<UserView | null>;
}
