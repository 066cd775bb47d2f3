import { ApiProperty } from '@nestjs/swagger';

export class TokenPairResponse {
  @ApiProperty({ description: 'JWT (HS256), send as `Authorization: Bearer <token>`' })
  accessToken!: string;
  @ApiProperty({ description: 'Opaque; single use, rotated by POST /auth/refresh' })
  refreshToken!: string;
  @ApiProperty({ enum: ['Bearer'] }) tokenType!: 'Bearer';
  @ApiProperty({ example: 900, description: 'Seconds until the access token expires' })
  expiresIn!: number;
}
