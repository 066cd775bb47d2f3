import { ValidationPipe } from '@nestjs/common';
import { Type } from 'class-transformer';
import {
  ArrayMinSize,
  IsArray,
  IsInt,
  IsOptional,
  IsString,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { ValidationError } from '../../shared/kernel/validation.error';
import { createValidationPipe } from './validation.pipe';

class LineDto {
  @IsString()
  productId!: string;

  @IsInt()
  @Min(1)
  @Max(100)
  quantity!: number;
}

class OrderDto {
  @IsArray()
  @ArrayMinSize(1)
  @ValidateNested({ each: true })
  @Type(() => LineDto)
  items!: LineDto[];

  @IsOptional()
  @IsInt()
  pointsToUse?: number;
}

class PageQueryDto {
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  limit?: number;
}

describe(createValidationPipe.name, () => {
  let sut: ValidationPipe;

  beforeEach(() => {
    sut = createValidationPipe();
  });

  const body = (value: unknown) => sut.transform(value, { type: 'body', metatype: OrderDto });

  async function rejection(value: unknown): Promise<ValidationError> {
    const error = await body(value).then(
      () => undefined,
      (e: unknown) => e,
    );
    if (!(error instanceof ValidationError))
      throw new Error(`expected a ValidationError, got ${String(error)}`);
    return error;
  }

  const fields = (error: ValidationError) => error.errors.map((e) => e.field);

  it('turns a valid body into instances of the DTO classes', async () => {
    const result = (await body({
      items: [{ productId: 'p-1', quantity: 2 }],
      pointsToUse: 10,
    })) as OrderDto;

    expect(result).toBeInstanceOf(OrderDto);
    expect(result.items[0]).toBeInstanceOf(LineDto);
    expect(result.items[0]).toEqual({ productId: 'p-1', quantity: 2 });
    expect(result.pointsToUse).toBe(10);
  });

  it('fails with the domain ValidationError (VALIDATION_FAILED), not an HTTP exception', async () => {
    const error = await rejection({ items: [] });

    expect(error.code).toBe('VALIDATION_FAILED');
    expect(fields(error)).toEqual(['items']);
  });

  it('rejects an unknown top-level field, naming it', async () => {
    const error = await rejection({ items: [{ productId: 'p-1', quantity: 1 }], isAdmin: true });

    expect(fields(error)).toEqual(['isAdmin']);
  });

  it('rejects an unknown field inside a nested object, with its path', async () => {
    const error = await rejection({ items: [{ productId: 'p-1', quantity: 1, price: 1 }] });

    expect(fields(error)).toEqual(['items[0].price']);
  });

  it('names nested fields as items[i].field', async () => {
    const error = await rejection({
      items: [
        { productId: 'p-1', quantity: 1 },
        { productId: 'p-2', quantity: 0 },
      ],
    });

    expect(error.errors).toEqual([
      { field: 'items[1].quantity', message: expect.stringContaining('quantity') },
    ]);
  });

  it('gives one entry per broken rule', async () => {
    const error = await rejection({ items: [{ productId: 7, quantity: 1.5 }] });

    expect(fields(error).sort()).toEqual(['items[0].productId', 'items[0].quantity']);
  });

  it('does not coerce strings to numbers in a body', async () => {
    const error = await rejection({
      items: [{ productId: 'p-1', quantity: '2' }],
      pointsToUse: '10',
    });

    expect([...new Set(fields(error))].sort()).toEqual(['items[0].quantity', 'pointsToUse']);
  });

  it('lets a query DTO opt in to conversion with @Type', async () => {
    const result = (await sut.transform(
      { limit: '5' },
      { type: 'query', metatype: PageQueryDto },
    )) as PageQueryDto;

    expect(result.limit).toBe(5);
  });
});
