import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { PageQuery } from '../../../../platform/http/page.query';
import { PRODUCT_SORTS } from '../../application/queries/list-products/product-list-criteria';
import type { ProductSort } from '../../application/queries/list-products/product-list-criteria';
import { CatalogLimits } from '../../domain/catalog-limits';
import { PRODUCT_STATUSES } from '../../domain/product-status';
import type { ProductStatus } from '../../domain/product-status';

const trim = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' ? value.trim() : value;

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

export class CreateProductRequest {
  @ApiProperty({
    example: 'Espresso beans 1 kg',
    minLength: 1,
    maxLength: CatalogLimits.nameLength.max,
  })
  @Transform(trim)
  @IsString()
  @Length(CatalogLimits.nameLength.min, CatalogLimits.nameLength.max)
  name!: string;

  @ApiProperty({
    example: 'Dark roast, whole beans',
    maxLength: CatalogLimits.descriptionMaxLength,
  })
  @IsString()
  @MaxLength(CatalogLimits.descriptionMaxLength)
  description!: string;

  @ApiProperty({ example: 24_000, minimum: 0, maximum: CatalogLimits.maxPrice, description: 'Won' })
  @IsInt()
  @Min(0)
  @Max(CatalogLimits.maxPrice)
  price!: number;

  @ApiProperty({ example: 100, minimum: 0, maximum: CatalogLimits.maxStock })
  @IsInt()
  @Min(0)
  @Max(CatalogLimits.maxStock)
  stock!: number;

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  categoryId!: string;

  @ApiPropertyOptional({ enum: PRODUCT_STATUSES, default: 'ACTIVE' })
  @IsOptional()
  @IsIn(PRODUCT_STATUSES)
  status?: ProductStatus;
}

/** PATCH: any subset of the create fields. */
export class UpdateProductRequest extends PartialType(CreateProductRequest) {}

export class StockAdjustmentRequest {
  @ApiProperty({
    example: -3,
    description: `Change of stock, non-zero, within ±${CatalogLimits.maxAdjustment}`,
  })
  @IsInt()
  @Min(-CatalogLimits.maxAdjustment)
  @Max(CatalogLimits.maxAdjustment)
  delta!: number;

  @ApiProperty({ example: 'recount after inventory', minLength: 1, maxLength: 200 })
  @Transform(trim)
  @IsString()
  @Length(1, 200)
  reason!: string;
}
