import { ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import { UnauthorizedError } from '../../shared/kernel/unauthorized.error';
import { IS_PUBLIC } from './public.decorator';

/**
 * Global guard: every route needs a valid access token unless marked
 * @Public(); a public route still authenticates a token that is sent.
 */
@Injectable()
export class JwtAuthGuard extends AuthGuard('jwt') {
  constructor(private readonly reflector: Reflector) {
    super();
  }

  override canActivate(context: ExecutionContext): Promise<boolean> | boolean {
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (isPublic) {
      const request = context
        .switchToHttp()
        .getRequest<{ headers: Record<string, string | undefined> }>();
      if (!request.headers.authorization) return true;
    }
    return super.canActivate(context) as Promise<boolean>;
  }

  override handleRequest<TUser>(error: unknown, user: TUser | false): TUser {
    if (error instanceof UnauthorizedError) throw error;
    if (error || !user) throw new UnauthorizedError('Missing, invalid or expired access token');
    return user;
  }
}
