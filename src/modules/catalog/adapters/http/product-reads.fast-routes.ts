import { Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { FastRoutes } from '../../../../platform/http/fast-routes';
import { isUuid } from '../../../../shared/kernel/id-cursor';
import { GetProductHandler } from '../../application/queries/get-product/get-product.handler';
import { GetProductQuery } from '../../application/queries/get-product/get-product.query';
import { ListProductsHandler } from '../../application/queries/list-products/list-products.handler';
import { ListProductsQuery } from '../../application/queries/list-products/list-products.query';
import { ProductPageView } from '../../application/queries/list-products/product-page.view';
import {
  PRODUCT_SORTS,
  type ProductSort,
} from '../../application/queries/list-products/product-list-criteria';
import { ProductsController } from './products.controller';

/** A limit as PageQuery accepts it, written the plain way (1..100). */
const PLAIN_LIMIT = /^(?:[1-9][0-9]?|100)$/;
/** An RFC 9562 UUID in lower case: what any class-validator UUID check accepts. */
const PLAIN_UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const LIST_PARAMETERS = new Set(['limit', 'sort', 'categoryId']);

/**
 * The two hottest public reads, `GET /products/:id` and the first page of
 * `GET /products` (optionally by category and sort), served for anonymous
 * callers without Nest's request pipeline (ADR 0044), by the same query
 * handlers the controller's QueryBus reaches. ProductsController still
 * declares and documents both routes and answers every request these do not
 * accept (a token, a cursor, a search, anything its DTO must validate).
 */
@Injectable()
export class ProductReadsFastRoutes {
  constructor(
    routes: FastRoutes,
    private readonly product: GetProductHandler,
    private readonly products: ListProductsHandler,
  ) {
    routes.register({
      method: 'GET',
      path: 'products/:id',
      controller: ProductsController,
      handler: 'get',
      accepts: (request) =>
        request.headers.authorization === undefined && isUuid(productId(request)),
      // As ResourceIdPipe: ids are case-insensitive.
      serve: (request) => this.product.execute(new GetProductQuery(productId(request), false)),
      // The handler returns the cached view object itself.
      stableBody: true,
    });
    routes.register({
      method: 'GET',
      path: 'products',
      controller: ProductsController,
      handler: 'list',
      accepts: (request) =>
        request.headers.authorization === undefined && plainList(request) !== undefined,
      serve: async (request) =>
        samePage(await this.products.execute(new ListProductsQuery(plainList(request)!))),
      // samePage returns one object per cached page.
      stableBody: true,
    });
  }
}

/** One page view per cached page, by its items array (the cached page's own). */
const pages = new WeakMap<readonly unknown[], ProductPageView>();

/**
 * The handler wraps the cached items in a new page object on every call;
 * returning the first such object for the same items lets the fast route
 * serialise and hash a cached page once instead of per request (ADR 0044).
 */
function samePage(page: ProductPageView): ProductPageView {
  const known = pages.get(page.items);
  if (known !== undefined && known.nextCursor === page.nextCursor) return known;
  pages.set(page.items, page);
  return page;
}

function productId(request: FastifyRequest): string {
  return (request.params as { id: string }).id.toLowerCase();
}

/** The filter of a list request that only uses limit, sort and categoryId in plain form; else undefined. */
function plainList(
  request: FastifyRequest,
): { limit: number; sort: ProductSort; categoryId?: string } | undefined {
  const query = request.query as Record<string, unknown>;
  for (const name in query) if (!LIST_PARAMETERS.has(name)) return undefined;
  const { limit, sort, categoryId } = query;
  if (limit !== undefined && (typeof limit !== 'string' || !PLAIN_LIMIT.test(limit)))
    return undefined;
  if (sort !== undefined && !PRODUCT_SORTS.includes(sort as ProductSort)) return undefined;
  if (categoryId !== undefined && (typeof categoryId !== 'string' || !PLAIN_UUID.test(categoryId)))
    return undefined;
  return {
    limit: limit === undefined ? 20 : Number(limit),
    sort: (sort as ProductSort | undefined) ?? 'newest',
    ...(categoryId === undefined ? {} : { categoryId }),
  };
}
