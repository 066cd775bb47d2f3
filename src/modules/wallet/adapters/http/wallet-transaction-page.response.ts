import { ApiProperty } from '@nestjs/swagger';
import { WalletTransactionResponse } from './wallet-transaction.response';

export class WalletTransactionPageResponse {
  @ApiProperty({ type: [WalletTransactionResponse], description: 'Newest first' })
  items!: readonly WalletTransactionResponse[];
  @ApiProperty({ type: String, nullable: true, description: 'Pass as ?cursor= for the next page' })
  nextCursor!: string | null;
}
