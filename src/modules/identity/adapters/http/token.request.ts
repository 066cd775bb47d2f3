import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';

export class TokenRequest {
  @ApiProperty({
    example: 'Zk3n0pQ4y8b2c6d0e4f8g2h6i0j4k8l2m6n0o4p8q2r',
    description: 'The token from the e-mail',
    maxLength: 128,
  })
  @IsString()
  @Length(1, 128)
  token!: string;
}
