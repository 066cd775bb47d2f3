import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { PageQuery } from '../../../../platform/http/page.query';
import { RETURN_STATUSES } from '../../domain/return-status';
import type { ReturnStatus } from '../../domain/return-status';

/** `?status=&limit=&cursor=` of the admin's list of returns. */
export class ListReturnsRequest extends PageQuery {
  @ApiPropertyOptional({ enum: RETURN_STATUSES, description: 'Only returns in this state' })
  @IsOptional()
  @IsIn(RETURN_STATUSES)
  status?: ReturnStatus;
}
