import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';

export class EraseAccountRequest {
  @ApiProperty({
    example: 'correct horse battery',
    maxLength: 72,
    description: 'The current password',
  })
  @IsString()
  @MaxLength(72)
  password!: string;
}
