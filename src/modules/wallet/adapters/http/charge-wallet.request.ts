import { ApiProperty } from '@nestjs/swagger';
import { IsInt, Max, Min } from 'class-validator';

export class ChargeWalletRequest {
  @ApiProperty({
    type: 'integer',
    example: 50_000,
    minimum: 1,
    maximum: 1_000_000,
    description: 'Won to add; the balance may not exceed 100,000,000 after the charge',
  })
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  amount!: number;
}
