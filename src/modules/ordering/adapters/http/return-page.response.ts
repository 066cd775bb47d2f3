import { ApiProperty } from '@nestjs/swagger';
import { ReturnResponse } from './return.response';

export class ReturnPageResponse {
  @ApiProperty({ type: [ReturnResponse] }) items!: readonly ReturnResponse[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}
