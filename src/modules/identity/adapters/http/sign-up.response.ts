import { ApiProperty } from '@nestjs/swagger';

export class SignUpResponse {
  @ApiProperty({ example: '01935f5e-8c1a-7b3e-9c41-2a4f5d6e7f80' }) id!: string;
  @ApiProperty({ example: 'jane@example.com' }) email!: string;
  @ApiProperty({ example: 'Jane' }) name!: string;
  @ApiProperty({ enum: ['CUSTOMER', 'ADMIN'], example: 'CUSTOMER' }) role!: string;
}
