import { ApiProperty } from '@nestjs/swagger';
import { AccessLogEntryResponse } from './access-log-entry.response';

export class AccessLogPageResponse {
  @ApiProperty({ type: [AccessLogEntryResponse] }) items!: AccessLogEntryResponse[];
  @ApiProperty({ type: String, nullable: true, description: 'Pass as ?cursor= for the next page' })
  nextCursor!: string | null;
}
