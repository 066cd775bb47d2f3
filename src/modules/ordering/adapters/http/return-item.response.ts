import { ApiProperty } from '@nestjs/swagger';

export class ReturnItemResponse {
  @ApiProperty({ format: 'uuid' }) productId!: string;
  @ApiProperty({ type: 'integer', example: 1 }) quantity!: number;
}
