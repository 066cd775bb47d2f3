import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { FieldErrorResponse } from './field-error.response';

/** application/problem+json (RFC 9457) with the contract's stable `code`. */
export class ProblemResponse {
  @ApiProperty({ example: 'https://hexashop.dev/problems/validation-failed' }) type!: string;
  @ApiProperty({ example: 'The request is not valid' }) title!: string;
  @ApiProperty({ example: 400 }) status!: number;
  @ApiProperty({ example: 'The request is not valid' }) detail!: string;
  @ApiProperty({ example: 'VALIDATION_FAILED' }) code!: string;
  @ApiProperty({ example: '/api/v1/auth/signup' }) instance!: string;
  @ApiPropertyOptional({ example: '0f8e9a6c-2f7b-4f43-a2a2-8d7f4e1b6c11' }) requestId?: string;
  @ApiPropertyOptional({ type: [FieldErrorResponse] }) errors?: FieldErrorResponse[];
}
