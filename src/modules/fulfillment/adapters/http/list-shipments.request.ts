import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { PageQuery } from '../../../../platform/http/page.query';
import { SHIPMENT_STATUSES } from '../../domain/shipment-status';
import type { ShipmentStatus } from '../../domain/shipment-status';

/** `?status=&limit=&cursor=` of the warehouse's work list. */
export class ListShipmentsRequest extends PageQuery {
  @ApiPropertyOptional({ enum: SHIPMENT_STATUSES, description: 'Only shipments in this state' })
  @IsOptional()
  @IsIn(SHIPMENT_STATUSES)
  status?: ShipmentStatus;
}
