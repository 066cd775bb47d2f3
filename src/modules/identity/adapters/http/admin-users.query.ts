import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';

export class AdminUsersQuery {
  @ApiPropertyOptional({
    example: 'jane@example.com',
    description:
      'Exact address (case-insensitive); no partial match exists. Without it the list is empty.',
    maxLength: 254,
  })
  @IsOptional()
  @IsString()
  @MaxLength(254)
  email?: string;
}
