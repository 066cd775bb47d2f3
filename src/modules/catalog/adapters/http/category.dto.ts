import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsString, Length } from 'class-validator';
import { CatalogLimits } from '../../domain/catalog-limits';

export class CreateCategoryRequest {
  @ApiProperty({ example: 'Coffee', minLength: 1, maxLength: CatalogLimits.categoryNameLength.max })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @Length(CatalogLimits.categoryNameLength.min, CatalogLimits.categoryNameLength.max)
  name!: string;
}

export class CategoryResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
}

export class CategoryPageResponse {
  @ApiProperty({ type: [CategoryResponse] }) items!: CategoryResponse[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}
