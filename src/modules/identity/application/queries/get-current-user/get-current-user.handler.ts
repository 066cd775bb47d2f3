import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { NotFoundError } from '../../../../../shared/kernel/not-found.error';
import { UserReadModel } from '../../ports/user.read-model.port';
import { GetCurrentUserQuery } from './get-current-user.query';
import { UserView } from './user.view';

@QueryHandler(GetCurrentUserQuery)
export class GetCurrentUserHandler implements IQueryHandler<GetCurrentUserQuery, UserView> {
  constructor(private readonly users: UserReadModel) {}

  async execute(query: GetCurrentUserQuery): Promise<UserView> {
    const user = await this.users.findById(query.userId);
    if (!user) throw new NotFoundError('User', query.userId);
    return user;
  }
}
