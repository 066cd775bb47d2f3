import { ApiProperty } from '@nestjs/swagger';
import { ReviewResponse } from './review.response';

export class ReviewPageResponse {
  @ApiProperty({ type: [ReviewResponse] }) items!: ReviewResponse[];
  @ApiProperty({
    type: 'string',
    nullable: true,
    description: 'Cursor of the next page (same sort); null on the last page',
  })
  nextCursor!: string | null;
}
