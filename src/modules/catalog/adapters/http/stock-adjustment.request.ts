import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsInt, IsString, Length, Max, Min } from 'class-validator';
import { CatalogLimits } from '../../domain/catalog-limits';
import { trimString } from '../../../../platform/http/trim.transform';

export class StockAdjustmentRequest {
  @ApiProperty({
    type: 'integer',
    example: -3,
    description: `Change of stock, non-zero, within ±${CatalogLimits.maxAdjustment}`,
  })
  @IsInt()
  @Min(-CatalogLimits.maxAdjustment)
  @Max(CatalogLimits.maxAdjustment)
  delta!: number;

  @ApiProperty({ example: 'recount after inventory', minLength: 1, maxLength: 200 })
  @Transform(trimString)
  @IsString()
  @Length(1, 200)
  reason!: string;
}
