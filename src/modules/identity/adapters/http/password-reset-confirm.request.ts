import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';
import { TokenRequest } from './token.request';

export class PasswordResetConfirmRequest extends TokenRequest {
  @ApiProperty({ example: 'battery staple horse', minLength: 8, maxLength: 72 })
  @IsString()
  @Length(8, 72)
  newPassword!: string;
}
