import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { WALLET_TRANSACTION_TYPES } from '../../domain/wallet-transaction-type';

export class WalletTransactionResponse {
  @ApiProperty({ example: '01935f5e-8c1a-7b3e-9c41-2a4f5d6e7f80' }) id!: string;
  @ApiProperty({ enum: WALLET_TRANSACTION_TYPES, example: 'CHARGE' }) type!: string;
  @ApiProperty({
    example: 50_000,
    description: 'Always positive; the type says which account moved and which way',
  })
  amount!: number;
  @ApiProperty({ example: 150_000 }) balanceAfter!: number;
  @ApiProperty({ example: 1_200 }) pointsAfter!: number;
  @ApiPropertyOptional({ description: 'Present on order movements (all types but CHARGE)' })
  orderId?: string;
  @ApiProperty({ example: '2026-11-22T09:00:00.000Z' }) createdAt!: string;
}
