import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import type { Role } from '../../domain/role';
import { ROLES } from '../../domain/role';

export class ChangeRoleRequest {
  @ApiProperty({ enum: ROLES, example: 'ADMIN' })
  @IsIn(ROLES)
  role!: Role;
}
