import { ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsBoolean,
  IsOptional,
  IsString,
  Length,
  Matches,
  MaxLength,
  ValidateIf,
} from 'class-validator';
import { E164, POSTAL_CODE } from './address.request';

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
