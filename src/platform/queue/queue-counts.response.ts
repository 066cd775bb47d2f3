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
