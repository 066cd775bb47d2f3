import { ApiProperty } from '@nestjs/swagger';

/** The order's own copy of its delivery address. */
export class ShippingAddressResponse {
  @ApiProperty({ example: 'Jane Doe' }) recipient!: string;
  @ApiProperty({ example: '+821012345678' }) phone!: string;
  @ApiProperty({ example: '04524' }) postalCode!: string;
  @ApiProperty({ example: '110 Sejong-daero, Jung-gu' }) line1!: string;
  @ApiProperty({ type: String, nullable: true, example: 'Apt 1203' }) line2!: string | null;
}
