import { ApiProperty } from '@nestjs/swagger';
import { OrderResponse } from './order.response';

export class OrderPageResponse {
  @ApiProperty({ type: [OrderResponse] }) items!: readonly OrderResponse[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}
