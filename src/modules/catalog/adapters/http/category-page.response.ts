import { ApiProperty } from '@nestjs/swagger';
import { CategoryResponse } from './category.response';

export class CategoryPageResponse {
  @ApiProperty({ type: [CategoryResponse] }) items!: CategoryResponse[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}
