import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
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
import { CatalogLimits } from '../../domain/catalog-limits';
import { PRODUCT_STATUSES } from '../../domain/product-status';
import type { ProductStatus } from '../../domain/product-status';
import { trimString } from '../../../../platform/http/trim.transform';

export class CreateProductRequest {
  @ApiProperty({
    example: 'Espresso beans 1 kg',
    minLength: 1,
    maxLength: CatalogLimits.nameLength.max,
  })
  @Transform(trimString)
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

  @ApiProperty({
    type: 'integer',
    example: 24_000,
    minimum: 0,
    maximum: CatalogLimits.maxPrice,
    description: 'Won',
  })
  @IsInt()
  @Min(0)
  @Max(CatalogLimits.maxPrice)
  price!: number;

  @ApiProperty({ type: 'integer', example: 100, minimum: 0, maximum: CatalogLimits.maxStock })
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
