import { ApiProperty } from '@nestjs/swagger';

export class ProductRatingResponse {
  @ApiProperty({
    type: 'number',
    nullable: true,
    example: 4.33,
    description:
      'Mean of the visible reviews’ ratings (1..5), rounded half up to 2 decimals; null without reviews',
  })
  average!: number | null;

  @ApiProperty({ type: 'integer', example: 3, description: 'Visible reviews' })
  count!: number;
}
