import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';

export class PasswordResetRequest {
  @ApiProperty({ example: 'jane@example.com', maxLength: 254 })
  @IsString()
  @MaxLength(254)
  email!: string;
}
