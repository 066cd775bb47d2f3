import { ApiProperty } from '@nestjs/swagger';

export class DeadLetterResponse {
  @ApiProperty() id!: string;
  @ApiProperty({ example: 'notifications' }) queue!: string;
  @ApiProperty({ example: 'welcome-email' }) jobName!: string;
  @ApiProperty({ description: 'Bull job id: the outbox event id' }) jobId!: string;
  @ApiProperty({ nullable: true, type: String, example: 'identity.user-registered.v2' })
  eventType!: string | null;
  @ApiProperty() error!: string;
  @ApiProperty() attempts!: number;
  @ApiProperty({ enum: ['DEAD', 'REDRIVE_REQUESTED', 'REDRIVEN'] }) status!:
    'DEAD' | 'REDRIVE_REQUESTED' | 'REDRIVEN';
  @ApiProperty() failedAt!: string;
  @ApiProperty({ nullable: true, type: String }) redrivenAt!: string | null;
  @ApiProperty({ description: 'The job data (the event)', type: Object }) data!: unknown;
}
