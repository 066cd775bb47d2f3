import { ApiProperty } from '@nestjs/swagger';
import { BestSellerResponse } from './best-seller.response';

export class BestSellersResponse {
  @ApiProperty({ type: [BestSellerResponse] }) items!: readonly BestSellerResponse[];
  @ApiProperty({ format: 'date-time' }) from!: string;
  @ApiProperty({ format: 'date-time' }) to!: string;
}
