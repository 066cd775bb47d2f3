import { ApiProperty } from '@nestjs/swagger';

export class QueueCountsResponse {
  @ApiProperty({ example: 'notifications' })
  name!: string;
  @ApiProperty() waiting!: number;
  @ApiProperty() active!: number;
  @ApiProperty() completed!: number;
  @ApiProperty() failed!: number;
  @ApiProperty() delayed!: number;
  @ApiProperty() paused!: number;
}

export class QueuesResponse {
  @ApiProperty({ type: [QueueCountsResponse] })
  queues!: QueueCountsResponse[];
}

export class DeadLetterResponse {
  @ApiProperty() id!: string;
  @ApiProperty({ example: 'notifications' }) queue!: string;
  @ApiProperty({ example: 'welcome-email' }) jobName!: string;
  @ApiProperty({ description: 'Bull job id: the outbox event id' }) jobId!: string;
  @ApiProperty({ nullable: true, type: String, example: 'identity.user-registered.v1' })
  eventType!: string | null;
  @ApiProperty() error!: string;
  @ApiProperty() attempts!: number;
  @ApiProperty({ enum: ['DEAD', 'REDRIVE_REQUESTED', 'REDRIVEN'] }) status!:
    'DEAD' | 'REDRIVE_REQUESTED' | 'REDRIVEN';
  @ApiProperty() failedAt!: string;
  @ApiProperty({ nullable: true, type: String }) redrivenAt!: string | null;
  @ApiProperty({ description: 'The job data (the event)', type: Object }) data!: unknown;
}

export class DeadLetterListResponse {
  @ApiProperty({ type: [DeadLetterResponse] })
  items!: DeadLetterResponse[];
  @ApiProperty({ nullable: true, type: String })
  nextCursor!: string | null;
}
