import { ApiProperty } from '@nestjs/swagger';

export class CancelOrderResponse {
  @ApiProperty({ enum: ['CANCELLED'] }) status!: 'CANCELLED';
}
