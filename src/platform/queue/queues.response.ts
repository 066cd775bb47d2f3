import { ApiProperty } from '@nestjs/swagger';
import { QueueCountsResponse } from './queue-counts.response';

export class QueuesResponse {
  @ApiProperty({ type: [QueueCountsResponse] })
  queues!: QueueCountsResponse[];
}
