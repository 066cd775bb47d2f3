import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsString, MaxLength } from 'class-validator';

const trimLower = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' ? value.trim().toLowerCase() : value;

export class ChangeEmailRequest {
  @ApiProperty({ example: 'correct horse battery', maxLength: 72 })
  @IsString()
  @MaxLength(72)
  currentPassword!: string;

  @ApiProperty({
    example: 'jane.new@example.com',
    description: 'Trimmed and lower-cased',
    maxLength: 254,
  })
  @Transform(trimLower)
  @IsEmail()
  @MaxLength(254)
  newEmail!: string;
}
