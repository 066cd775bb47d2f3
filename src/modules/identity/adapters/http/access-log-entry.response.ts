import { ApiProperty } from '@nestjs/swagger';

export class AccessLogEntryResponse {
  @ApiProperty({ example: '2026-12-03T09:00:00.000Z' }) at!: string;
  @ApiProperty({
    type: String,
    nullable: true,
    example: 'ADMIN',
    description: 'Role of whoever acted; never their identity',
  })
  actorRole!: string | null;
  @ApiProperty({ example: 'admin.user.read' }) action!: string;
  @ApiProperty({ example: 'user:01938a1e-0000-7000-8000-000000000002' }) resource!: string;
}
