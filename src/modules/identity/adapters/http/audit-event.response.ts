import { ApiProperty } from '@nestjs/swagger';

export class AuditEventResponse {
  @ApiProperty({ example: '01938a1e-7c4b-7b61-9d7e-2f0c4b1e9a11' }) id!: string;
  @ApiProperty({ example: '2026-12-03T09:00:00.000Z' }) at!: string;
  @ApiProperty({ type: String, nullable: true, example: '01938a1e-0000-7000-8000-000000000001' })
  actorUserId!: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'ADMIN' }) actorRole!: string | null;
  @ApiProperty({ example: 'admin.user.read' }) action!: string;
  @ApiProperty({ type: String, nullable: true, example: '01938a1e-0000-7000-8000-000000000002' })
  subjectUserId!: string | null;
  @ApiProperty({ example: 'user:01938a1e-0000-7000-8000-000000000002' }) resource!: string;
  @ApiProperty({ type: String, nullable: true, example: 'b5c1d1f2-8d3a-4f0e-9b1a-0c2d3e4f5a6b' })
  requestId!: string | null;
}
