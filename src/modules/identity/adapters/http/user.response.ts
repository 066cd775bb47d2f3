import { ApiProperty } from '@nestjs/swagger';

export class SignUpResponse {
  @ApiProperty({ example: '01935f5e-8c1a-7b3e-9c41-2a4f5d6e7f80' }) id!: string;
  @ApiProperty({ example: 'jane@example.com' }) email!: string;
  @ApiProperty({ example: 'Jane' }) name!: string;
  @ApiProperty({ enum: ['CUSTOMER', 'ADMIN'], example: 'CUSTOMER' }) role!: string;
}

export class MeResponse extends SignUpResponse {
  @ApiProperty({ example: '2026-11-22T09:00:00.000Z' }) createdAt!: string;
}

export class TokenPairResponse {
  @ApiProperty({ description: 'JWT (HS256), send as `Authorization: Bearer <token>`' })
  accessToken!: string;
  @ApiProperty({ description: 'Opaque; single use, rotated by POST /auth/refresh' })
  refreshToken!: string;
  @ApiProperty({ enum: ['Bearer'] }) tokenType!: 'Bearer';
  @ApiProperty({ example: 900, description: 'Seconds until the access token expires' })
  expiresIn!: number;
}
