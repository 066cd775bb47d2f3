import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsBoolean,
  IsOptional,
  IsString,
  Length,
  Matches,
  MaxLength,
  ValidateIf,
} from 'class-validator';

export const E164 = /^\+[1-9]\d{1,14}$/;
export const POSTAL_CODE = /^[A-Za-z0-9][A-Za-z0-9 -]{1,8}[A-Za-z0-9]$/;

/** A new address for the caller's address book. */
export class AddressRequest {
  @ApiProperty({
    example: 'Jane Doe',
    minLength: 1,
    maxLength: 50,
    description: 'Who takes the parcel',
  })
  @IsString()
  @Length(1, 50)
  recipient!: string;

  @ApiProperty({ example: '+821012345678', description: 'E.164: +, country code, up to 15 digits' })
  @IsString()
  @Matches(E164, { message: 'phone must be an E.164 number such as +821012345678' })
  phone!: string;

  @ApiProperty({
    example: '04524',
    minLength: 3,
    maxLength: 10,
    description: 'Letters, digits, spaces or dashes',
  })
  @IsString()
  @Matches(POSTAL_CODE, { message: 'postalCode must be 3 to 10 letters, digits, spaces or dashes' })
  postalCode!: string;

  @ApiProperty({ example: '110 Sejong-daero, Jung-gu', minLength: 1, maxLength: 100 })
  @IsString()
  @Length(1, 100)
  line1!: string;

  @ApiPropertyOptional({ example: 'Apt 1203', maxLength: 100, nullable: true, type: String })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  line2?: string | null;

  @ApiPropertyOptional({
    example: true,
    description: 'Make it the default address (the first address always is)',
  })
  @IsOptional()
  @IsBoolean()
  isDefault?: boolean;
}

/** Any of the address fields; `line2: null` clears the second line. */
export class UpdateAddressRequest {
  @ApiPropertyOptional({ example: 'Jane Doe', minLength: 1, maxLength: 50 })
  @IsOptional()
  @IsString()
  @Length(1, 50)
  recipient?: string;

  @ApiPropertyOptional({ example: '+821098765432' })
  @IsOptional()
  @IsString()
  @Matches(E164, { message: 'phone must be an E.164 number such as +821012345678' })
  phone?: string;

  @ApiPropertyOptional({ example: '06236' })
  @IsOptional()
  @IsString()
  @Matches(POSTAL_CODE, { message: 'postalCode must be 3 to 10 letters, digits, spaces or dashes' })
  postalCode?: string;

  @ApiPropertyOptional({ example: '152 Teheran-ro, Gangnam-gu', minLength: 1, maxLength: 100 })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  line1?: string;

  @ApiPropertyOptional({ example: null, maxLength: 100, nullable: true, type: String })
  @ValidateIf((_object, value) => value !== null && value !== undefined)
  @IsString()
  @MaxLength(100)
  line2?: string | null;

  @ApiPropertyOptional({
    example: true,
    description:
      'true makes it the default; false on the default passes the mark to the newest other address',
  })
  @IsOptional()
  @IsBoolean()
  isDefault?: boolean;
}
