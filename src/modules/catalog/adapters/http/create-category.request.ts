import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsString, Length } from 'class-validator';
import { CatalogLimits } from '../../domain/catalog-limits';
import { trimString } from '../../../../platform/http/trim.transform';

export class CreateCategoryRequest {
  @ApiProperty({ example: 'Coffee', minLength: 1, maxLength: CatalogLimits.categoryNameLength.max })
  @Transform(trimString)
  @IsString()
  @Length(CatalogLimits.categoryNameLength.min, CatalogLimits.categoryNameLength.max)
  name!: string;
}
