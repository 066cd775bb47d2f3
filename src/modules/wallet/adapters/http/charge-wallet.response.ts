import { ApiProperty } from '@nestjs/swagger';

export class ChargeWalletResponse {
  @ApiProperty({ example: 150_000, description: 'Balance after the charge' }) balance!: number;
  @ApiProperty({ example: '01935f5e-8c1a-7b3e-9c41-2a4f5d6e7f80', description: 'Ledger row id' })
  transactionId!: string;
}
