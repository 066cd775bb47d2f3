import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { AuditTrail } from '../../../../../shared/kernel/audit-trail.port';
import { ValidationError } from '../../../../../shared/kernel/validation.error';
import { Email } from '../../../domain/email.value-object';
import { UserReadModel } from '../../ports/user.read-model.port';
import { AdminUserView } from '../get-user/admin-user.view';
import { FindUsersByEmailQuery } from './find-users-by-email.query';

/**
 * Exact match through the blind index (no partial search exists). The search
 * is audited before anything is returned, with the match as subject (none:
 * null), so a member sees in their access log that they were looked up.
 */
@QueryHandler(FindUsersByEmailQuery)
export class FindUsersByEmailHandler implements IQueryHandler<
  FindUsersByEmailQuery,
  AdminUserView[]
> {
  constructor(
    private readonly users: UserReadModel,
    private readonly audit: AuditTrail,
  ) {}

  async execute(query: FindUsersByEmailQuery): Promise<AdminUserView[]> {
    let email: Email;
    try {
      email = Email.parse(query.email);
    } catch (error) {
      if (error instanceof ValidationError) return [];
      throw error;
    }
    const user = await this.users.findByEmail(email.value);
    await this.audit.recordAccess({
      actor: { userId: query.actorUserId, role: query.actorRole },
      action: 'admin.user.searched',
      subjectUserId: user?.id ?? null,
      resource: user ? `user:${user.id}` : 'user:none',
    });
    return user ? [{ ...user, erasedAt: null }] : [];
  }
}
