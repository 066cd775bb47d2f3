import { ApiProperty } from '@nestjs/swagger';

export class ReviewResponse {
  @ApiProperty({ format: 'uuid', example: '0193a1f3-0b2c-7d4e-8f5a-6b7c8d9e0f1a' }) id!: string;
  @ApiProperty({ format: 'uuid', example: '0193a1f0-5e6f-7a8b-9c0d-1e2f3a4b5c6d' })
  productId!: string;
  @ApiProperty({ type: 'integer', minimum: 1, maximum: 5, example: 5 }) rating!: number;
  @ApiProperty({
    example: 'Fresh beans, fast delivery. <b>Would buy again</b>',
    description: 'As the author wrote it; render it as text, never as HTML',
  })
  text!: string;
  @ApiProperty({
    example: 'J**',
    description:
      'The author’s first letter and two asterisks (names are personal data); "Erased member" once the author’s data was erased',
  })
  authorName!: string;
  @ApiProperty({ type: 'integer', example: 3, description: 'Members who found it helpful' })
  helpfulCount!: number;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}
