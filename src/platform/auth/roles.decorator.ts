import { SetMetadata } from '@nestjs/common';

export const ROLES = 'auth:roles';

/** Restricts a route or controller to callers holding one of the roles. */
export const Roles = (...roles: string[]): MethodDecorator & ClassDecorator =>
  SetMetadata(ROLES, roles);
