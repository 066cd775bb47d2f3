import { ApiProperty } from '@nestjs/swagger';

export class WalletResponse {
  @ApiProperty({ example: 150_000, description: 'Won' }) balance!: number;
  @ApiProperty({ example: 1_200 }) points!: number;
}
