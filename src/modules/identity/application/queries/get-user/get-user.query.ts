import { Query } from '@nestjs/cqrs';
import { AdminUserView } from './admin-user.view';

/** An administrator reads another person's account: audited before it is returned. */
export class GetUserQuery extends Query<AdminUserView> {
  constructor(
    readonly actorUserId: string,
    readonly actorRole: string,
    readonly userId: string,
  ) {
    super();
  }
}
