import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ForbiddenError } from '../../shared/kernel/forbidden.error';
import { UnauthorizedError } from '../../shared/kernel/unauthorized.error';
import { AuthenticatedUser } from './authenticated-user';
import { ROLES } from './roles.decorator';

/** Global guard enforcing @Roles(...) after authentication: 403 FORBIDDEN otherwise. */
@Injectable()
export class RolesGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const roles = this.reflector.getAllAndOverride<string[] | undefined>(ROLES, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!roles || roles.length === 0) return true;
    const user = context.switchToHttp().getRequest<{ user?: AuthenticatedUser }>().user;
    if (!user) throw new UnauthorizedError();
    if (!roles.includes(user.role)) throw new ForbiddenError();
    return true;
  }
}
