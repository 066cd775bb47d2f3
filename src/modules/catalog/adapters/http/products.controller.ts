import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import type { AuthenticatedUser } from '../../../../platform/auth/authenticated-user';
import { OptionalUser } from '../../../../platform/auth/optional-user.decorator';
import { Public } from '../../../../platform/auth/public.decorator';
import { Roles } from '../../../../platform/auth/roles.decorator';
import { ApiProblems } from '../../../../platform/http/api-problems.decorator';
import { HttpCache } from '../../../../platform/http/http-cache';
import { ResourceIdPipe } from '../../../../platform/http/resource-id.pipe';
import { AdjustStockCommand } from '../../application/commands/adjust-stock/adjust-stock.command';
import { CreateProductCommand } from '../../application/commands/create-product/create-product.command';
import { HideProductCommand } from '../../application/commands/hide-product/hide-product.command';
import { UpdateProductCommand } from '../../application/commands/update-product/update-product.command';
import { GetProductQuery } from '../../application/queries/get-product/get-product.query';
import { ListProductsQuery } from '../../application/queries/list-products/list-products.query';
import { CreateProductRequest } from './create-product.request';
import { ListProductsRequest } from './list-products.request';
import { StockAdjustmentRequest } from './stock-adjustment.request';
import { UpdateProductRequest } from './update-product.request';
import { ProductPageResponse } from './product-page.response';
import { ProductDetailResponse } from './product-detail.response';
import { ProductResponse } from './product.response';
import { StockResponse } from './stock.response';

/** Catalog reads are public and CDN-cacheable for a few seconds; Redis and the write marks keep them fresh behind that. */
const CATALOG_HTTP_CACHE = { maxAgeSeconds: 10, staleWhileRevalidateSeconds: 30 } as const;
const productId = new ResourceIdPipe('Product');

@ApiTags('catalog')
@Controller('products')
export class ProductsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Public()
  @Get()
  @HttpCache(CATALOG_HTTP_CACHE)
  @ApiOperation({
    summary:
      'Active products, newest first or by price; keyset pages stay stable while products are added',
    description:
      'Only ACTIVE products. Filter by `categoryId`, a case-insensitive name substring `q` and a price range; sort by `newest` (default), `price_asc` or `price_desc`. Pages are keyset pages: pass `nextCursor` back as `cursor`. Public and cacheable for 10 s.',
  })
  @ApiOkResponse({ type: ProductPageResponse })
  @ApiProblems(400, 429)
  list(@Query() query: ListProductsRequest): Promise<ProductPageResponse> {
    return this.queries.execute(
      new ListProductsQuery({
        limit: query.limit,
        sort: query.sort,
        cursor: query.cursor,
        categoryId: query.categoryId,
        q: query.q,
        minPrice: query.minPrice,
        maxPrice: query.maxPrice,
      }),
    );
  }

  @Public()
  @Get(':id')
  @HttpCache(CATALOG_HTTP_CACHE)
  @ApiOperation({
    summary: 'One product; hidden products are visible to admins only',
    description:
      'The product as stored now (price, stock, status) and its rating over the visible reviews. A HIDDEN product is 404 for everyone but admins. Public and cacheable for 10 s; a write is visible on the next read.',
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: ProductDetailResponse })
  @ApiProblems(404, 429)
  get(
    @Param('id', productId) id: string,
    @OptionalUser() user?: AuthenticatedUser,
  ): Promise<ProductDetailResponse> {
    return this.queries.execute(new GetProductQuery(id, user?.role === 'ADMIN'));
  }

  @Roles('ADMIN')
  @Post()
  @ApiBearerAuth()
  @ApiOperation({
    summary: 'Create a product (admin)',
    description:
      'Admin only. The category must exist; `status` defaults to ACTIVE. Returns the product as `GET /products/{id}` shows it.',
  })
  @ApiCreatedResponse({ type: ProductResponse })
  @ApiProblems(400, 401, 403, 413, 429)
  create(@Body() body: CreateProductRequest): Promise<ProductResponse> {
    return this.commands.execute(new CreateProductCommand(body));
  }

  @Roles('ADMIN')
  @Patch(':id')
  @ApiBearerAuth()
  @ApiOperation({
    summary: 'Change any fields of a product (admin); caches everywhere see it on the next read',
    description:
      'Admin only. Any subset of the create fields; omitted fields keep their value. Cached reads on every instance see the change on their next read.',
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: ProductResponse })
  @ApiProblems(400, 401, 403, 404, 413, 429)
  update(
    @Param('id', productId) id: string,
    @Body() body: UpdateProductRequest,
  ): Promise<ProductResponse> {
    return this.commands.execute(new UpdateProductCommand(id, body));
  }

  @Roles('ADMIN')
  @Delete(':id')
  @HttpCode(204)
  @ApiBearerAuth()
  @ApiOperation({
    summary: 'Hide a product (admin): no longer listed or sold; past orders keep it',
    description:
      'Admin only. The product becomes HIDDEN: it leaves lists and cannot be ordered or put in carts; orders that already hold it keep it.',
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiNoContentResponse({ description: 'The product is HIDDEN' })
  @ApiProblems(401, 403, 404, 429)
  async hide(@Param('id', productId) id: string): Promise<void> {
    await this.commands.execute(new HideProductCommand(id));
  }

  @Roles('ADMIN')
  @Post(':id/stock-adjustments')
  @HttpCode(200)
  @ApiBearerAuth()
  @ApiOperation({
    summary:
      'Add or remove stock (admin); concurrent adjustments add up exactly and never go below 0',
    description:
      'Admin only. `delta` is added to the stock in one conditional update, so concurrent adjustments never lose one; a delta that would take the stock below 0 is 409 INSUFFICIENT_STOCK and changes nothing.',
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: StockResponse })
  @ApiProblems(400, 401, 403, 404, { status: 409, codes: ['INSUFFICIENT_STOCK'] }, 429)
  adjustStock(
    @Param('id', productId) id: string,
    @Body() body: StockAdjustmentRequest,
  ): Promise<StockResponse> {
    return this.commands.execute(new AdjustStockCommand(id, body.delta, body.reason));
  }
}
