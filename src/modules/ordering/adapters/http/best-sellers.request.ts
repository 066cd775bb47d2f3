import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

export class BestSellersRequest {
  @ApiPropertyOptional({
    type: 'integer',
    minimum: 1,
    maximum: 30,
    default: 3,
    description: 'Window in UTC days, today included',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(30)
  days: number = 3;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 50, default: 5 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(50)
  limit: number = 5;
}
