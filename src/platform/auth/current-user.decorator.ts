import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { UnauthorizedError } from '../../shared/kernel/unauthorized.error';
import { AuthenticatedUser } from './authenticated-user';

/** Injects the authenticated caller into a controller method. */
export const CurrentUser = createParamDecorator(
  (_data: unknown, context: ExecutionContext): AuthenticatedUser => {
    const user = context.switchToHttp().getRequest<{ user?: AuthenticatedUser }>().user;
    if (!user) throw new UnauthorizedError();
    return user;
  },
);
