import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsOptional, IsString, Length, Matches, ValidateIf } from 'class-validator';
import { trimString } from '../../../../platform/http/trim.transform';

export class UpdateProfileRequest {
  @ApiPropertyOptional({ example: 'Jane Doe', minLength: 1, maxLength: 50 })
  @IsOptional()
  @Transform(trimString)
  @IsString()
  @Length(1, 50)
  name?: string;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: '+821012345678',
    description: 'E.164; null removes it',
  })
  @ValidateIf((_, value) => value !== null && value !== undefined)
  @Transform(trimString)
  @IsString()
  @Matches(/^\+[1-9]\d{1,14}$/, { message: 'phone must be an E.164 number such as +821012345678' })
  phone?: string | null;
}
