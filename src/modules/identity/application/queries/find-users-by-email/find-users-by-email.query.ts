import { Query } from '@nestjs/cqrs';
import { AdminUserView } from '../get-user/admin-user.view';

/** An administrator looks an account up by exact e-mail (blind index): audited before it is returned. */
export class FindUsersByEmailQuery extends Query<AdminUserView[]> {
  constructor(
    readonly actorUserId: string,
    readonly actorRole: string,
    readonly email: string,
  ) {
    super();
  }
}
