import { PartialType } from '@nestjs/swagger';
import { CreateProductRequest } from './create-product.request';

/** PATCH: any subset of the create fields. */
export class UpdateProductRequest extends PartialType(CreateProductRequest) {}
