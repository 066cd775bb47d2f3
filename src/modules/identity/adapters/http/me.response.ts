import { ApiProperty } from '@nestjs/swagger';
import { SignUpResponse } from './sign-up.response';

export class MeResponse extends SignUpResponse {
  @ApiProperty({ example: '2026-11-22T09:00:00.000Z' }) createdAt!: string;
}
