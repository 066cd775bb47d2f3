import { ApiProperty } from '@nestjs/swagger';
import { AdminUserResponse } from './admin-user.response';

export class AdminUserListResponse {
  @ApiProperty({ type: [AdminUserResponse], description: 'The exact match, or empty' })
  items!: AdminUserResponse[];
}
