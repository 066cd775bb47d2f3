import { ApiProperty } from '@nestjs/swagger';
import { DeadLetterResponse } from './dead-letter.response';

export class DeadLetterListResponse {
  @ApiProperty({ type: [DeadLetterResponse] })
  items!: DeadLetterResponse[];
  @ApiProperty({ nullable: true, type: String })
  nextCursor!: string | null;
}
