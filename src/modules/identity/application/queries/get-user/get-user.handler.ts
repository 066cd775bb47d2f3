import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { AuditTrail } from '../../../../../shared/kernel/audit-trail.port';
import { NotFoundError } from '../../../../../shared/kernel/not-found.error';
import { UserReadModel } from '../../ports/user.read-model.port';
import { AdminUserView } from './admin-user.view';
import { GetUserQuery } from './get-user.query';

/** The account (an erased one shown as erased), returned only after its audit row is written (503 otherwise: fail closed). */
@QueryHandler(GetUserQuery)
export class GetUserHandler implements IQueryHandler<GetUserQuery, AdminUserView> {
  constructor(
    private readonly users: UserReadModel,
    private readonly audit: AuditTrail,
  ) {}

  async execute(query: GetUserQuery): Promise<AdminUserView> {
    const user = await this.users.findAccount(query.userId);
    if (!user) throw new NotFoundError('user', query.userId);
    await this.audit.recordAccess({
      actor: { userId: query.actorUserId, role: query.actorRole },
      action: 'admin.user.read',
      subjectUserId: user.id,
      resource: `user:${user.id}`,
    });
    return user;
  }
}
