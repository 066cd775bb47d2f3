import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { PageQuery } from '../../../../platform/http/page.query';
import { PRODUCT_SORTS } from '../../application/queries/list-products/product-list-criteria';
import type { ProductSort } from '../../application/queries/list-products/product-list-criteria';
import { CatalogLimits } from '../../domain/catalog-limits';

export class ListProductsRequest extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid', description: 'Only products of this category' })
  @IsOptional()
  @IsUUID()
  categoryId?: string;

  @ApiPropertyOptional({
    description: 'Substring of the product name (case-insensitive)',
    maxLength: 100,
  })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 0,
    maximum: CatalogLimits.maxPrice,
    description: 'Lowest price in won (inclusive)',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(CatalogLimits.maxPrice)
  minPrice?: number;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 0,
    maximum: CatalogLimits.maxPrice,
    description: 'Highest price in won (inclusive)',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(CatalogLimits.maxPrice)
  maxPrice?: number;

  @ApiPropertyOptional({ enum: PRODUCT_SORTS, default: 'newest' })
  @IsOptional()
  @IsIn(PRODUCT_SORTS)
  sort: ProductSort = 'newest';
}
