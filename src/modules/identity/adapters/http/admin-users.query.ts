import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';

export class AdminUsersQuery {
  @ApiProperty({
    example: 'jane@example.com',
    description: 'Exact address (case-insensitive); no partial match exists',
    maxLength: 254,
  })
  @IsString()
  @MaxLength(254)
  email!: string;
}
