import { ApiProperty } from '@nestjs/swagger';
import { ShipmentResponse } from './shipment.response';

export class ShipmentPageResponse {
  @ApiProperty({ type: [ShipmentResponse] }) items!: readonly ShipmentResponse[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}
