import { ApiProperty } from '@nestjs/swagger';

export class StockResponse {
  @ApiProperty({ description: 'Stock after the adjustment' }) stock!: number;
}
