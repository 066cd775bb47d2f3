import { ApiProperty } from '@nestjs/swagger';
import { ProductRatingResponse } from './product-rating.response';
import { ProductResponse } from './product.response';

export class ProductDetailResponse extends ProductResponse {
  @ApiProperty({
    type: ProductRatingResponse,
    description: 'Exact over the visible reviews; changes are visible on the next read (ADR 0055)',
  })
  rating!: ProductRatingResponse;
}
