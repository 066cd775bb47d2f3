import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length, MaxLength } from 'class-validator';

export class ChangePasswordRequest {
  @ApiProperty({ example: 'correct horse battery', maxLength: 72 })
  @IsString()
  @MaxLength(72)
  currentPassword!: string;

  @ApiProperty({ example: 'battery staple horse', minLength: 8, maxLength: 72 })
  @IsString()
  @Length(8, 72)
  newPassword!: string;
}
