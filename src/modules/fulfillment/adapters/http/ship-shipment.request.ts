import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';
import { PARCEL_LIMITS } from '../../domain/parcel';

/** The parcel handed to the carrier. */
export class ShipShipmentRequest {
  @ApiProperty({ example: 'CJ Logistics', minLength: 1, maxLength: PARCEL_LIMITS.carrier })
  @IsString()
  @Length(1, PARCEL_LIMITS.carrier)
  carrier!: string;

  @ApiProperty({ example: '6012-3456-7890', minLength: 1, maxLength: PARCEL_LIMITS.trackingNumber })
  @IsString()
  @Length(1, PARCEL_LIMITS.trackingNumber)
  trackingNumber!: string;
}
