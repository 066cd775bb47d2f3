import { ApiProperty } from '@nestjs/swagger';
import { AddressResponse } from './address.response';

export class AddressListResponse {
  @ApiProperty({
    type: [AddressResponse],
    description: 'Default first, then newest first; at most 10',
  })
  items!: AddressResponse[];
}
