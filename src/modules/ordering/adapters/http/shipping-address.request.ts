import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';

/** Size limits of the fields (the compiled check of PlaceOrderRequest applies the same). */
export const SHIPPING_ADDRESS_MAX_LENGTH = {
  recipient: 200,
  phone: 200,
  postalCode: 200,
  line1: 400,
  line2: 400,
} as const;

/**
 * An address given with the order instead of an address book entry: the same
 * fields and rules as the address book (the shared PostalAddress checks them
 * and names each bad field `address.<field>`); here only types and sizes.
 */
export class ShippingAddressRequest {
  @ApiProperty({
    example: 'Jane Doe',
    minLength: 1,
    maxLength: 50,
    description: 'Who takes the parcel',
  })
  @IsString()
  @MaxLength(SHIPPING_ADDRESS_MAX_LENGTH.recipient)
  recipient!: string;

  @ApiProperty({
    example: '+821012345678',
    pattern: '^\\+[1-9]\\d{1,14}$',
    description: 'E.164: +, country code, up to 15 digits',
  })
  @IsString()
  @MaxLength(SHIPPING_ADDRESS_MAX_LENGTH.phone)
  phone!: string;

  @ApiProperty({
    example: '04524',
    pattern: '^[A-Za-z0-9][A-Za-z0-9 -]{1,8}[A-Za-z0-9]$',
    description: '3 to 10 letters, digits, spaces or dashes',
  })
  @IsString()
  @MaxLength(SHIPPING_ADDRESS_MAX_LENGTH.postalCode)
  postalCode!: string;

  @ApiProperty({ example: '110 Sejong-daero, Jung-gu', minLength: 1, maxLength: 100 })
  @IsString()
  @MaxLength(SHIPPING_ADDRESS_MAX_LENGTH.line1)
  line1!: string;

  @ApiPropertyOptional({ example: 'Apt 1203', maxLength: 100, nullable: true, type: String })
  @IsOptional()
  @IsString()
  @MaxLength(SHIPPING_ADDRESS_MAX_LENGTH.line2)
  line2?: string | null;
}
