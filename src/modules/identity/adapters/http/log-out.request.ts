import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Length } from 'class-validator';

export class LogOutRequest {
  @ApiPropertyOptional({ description: "Also end this refresh token's session (if it is yours)" })
  @IsOptional()
  @IsString()
  @Length(16, 256)
  refreshToken?: string;
}
