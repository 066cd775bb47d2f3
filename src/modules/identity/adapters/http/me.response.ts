import { ApiProperty } from '@nestjs/swagger';
import { SignUpResponse } from './sign-up.response';

export class MeResponse extends SignUpResponse {
  @ApiProperty({
    type: String,
    nullable: true,
    example: '+821012345678',
    description: 'E.164, or null when none was given',
  })
  phone!: string | null;

  @ApiProperty({ example: '2026-11-22T09:00:00.000Z' }) createdAt!: string;
}
