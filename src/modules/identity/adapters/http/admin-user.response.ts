import { ApiProperty } from '@nestjs/swagger';

/** An account as an administrator sees it: an erased member's personal fields are null. */
export class AdminUserResponse {
  @ApiProperty({ example: '01938a1e-0000-7000-8000-000000000002' }) id!: string;
  @ApiProperty({
    type: String,
    nullable: true,
    example: 'jane@example.com',
    description: 'null once erased',
  })
  email!: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'Jane', description: 'null once erased' })
  name!: string | null;
  @ApiProperty({ type: String, nullable: true, example: '+821012345678' }) phone!: string | null;
  @ApiProperty({ enum: ['CUSTOMER', 'ADMIN'], example: 'CUSTOMER' }) role!: string;
  @ApiProperty({ example: '2026-11-22T09:00:00.000Z' }) createdAt!: string;
  @ApiProperty({
    type: String,
    nullable: true,
    example: null,
    description: 'When the member erased the account',
  })
  erasedAt!: string | null;
}
