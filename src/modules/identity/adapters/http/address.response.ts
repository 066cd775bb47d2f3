import { ApiProperty } from '@nestjs/swagger';

export class AddressResponse {
  @ApiProperty({ example: '01935f5e-8c1a-7b3e-9c41-2a4f5d6e7f81' }) id!: string;
  @ApiProperty({ example: 'Jane Doe' }) recipient!: string;
  @ApiProperty({ example: '+821012345678' }) phone!: string;
  @ApiProperty({ example: '04524' }) postalCode!: string;
  @ApiProperty({ example: '110 Sejong-daero, Jung-gu' }) line1!: string;
  @ApiProperty({ example: 'Apt 1203', nullable: true, type: String }) line2!: string | null;
  @ApiProperty({ example: true }) isDefault!: boolean;
  @ApiProperty({ example: '2026-11-22T09:00:00.000Z' }) createdAt!: string;
}

export class AddressListResponse {
  @ApiProperty({
    type: [AddressResponse],
    description: 'Default first, then newest first; at most 10',
  })
  items!: AddressResponse[];
}
