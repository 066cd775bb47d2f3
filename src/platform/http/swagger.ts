import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';

/**
 * Every tag an operation may carry, with what it groups. Spectral
 * (`operation-tag-defined`, run by npm test) refuses an operation whose tag is
 * not listed here: a new area of the API adds its line.
 */
export const API_TAGS: Readonly<Record<string, string>> = {
  auth: 'Sign-up, login, token refresh and logout',
  users: 'The caller’s account and profile',
  addresses: 'The caller’s address book',
  catalog: 'Categories, products, stock and best sellers',
  cart: 'The caller’s cart and checkout',
  wallet: 'Balance, points and the ledger',
  coupons: 'Coupon issues and the caller’s coupons',
  orders: 'Placing, reading and cancelling orders',
  shipments: 'Fulfillment of orders',
  returns: 'Returns of delivered orders',
  reviews: 'Product reviews',
  admin: 'Operations for administrators (queues, dead letters, users, audit)',
  health: 'Probes for load balancers and orchestrators',
};

/** The OpenAPI document of the application's routes (served at /docs-json, written by `npm run client:generate`). */
export function buildOpenApiDocument(app: INestApplication, version: string): OpenAPIObject {
  const builder = new DocumentBuilder()
    .setTitle('hexashop API')
    .setDescription(
      'E-commerce REST API. Errors are application/problem+json with a stable `code`. ' +
        'Money is an integer number of won. Authenticate with POST /api/v1/auth/login, then "Authorize" with the access token.',
    )
    .setVersion(version)
    .addServer('/', 'The instance serving this document (paths include /api/v1)')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' });
  for (const [name, description] of Object.entries(API_TAGS)) builder.addTag(name, description);
  const document = SwaggerModule.createDocument(app, builder.build());
  // Only the tags some operation uses: an unused tag is noise in the UI and in clients.
  const used = new Set(
    Object.values(document.paths).flatMap((item) =>
      Object.values(item as Record<string, { tags?: string[] }>).flatMap((op) => op.tags ?? []),
    ),
  );
  document.tags = (document.tags ?? []).filter((tag) => used.has(tag.name));
  return document;
}

/**
 * Swagger UI at /docs and the OpenAPI document at /docs-json. The document is
 * built on the first request for it, not at start: building it was about a
 * tenth of the process's start to ready (issue 12 item 6).
 */
export function setupSwagger(app: INestApplication, version: string): void {
  SwaggerModule.setup('docs', app, () => buildOpenApiDocument(app, version), {
    jsonDocumentUrl: 'docs-json',
    useGlobalPrefix: false,
    swaggerOptions: { persistAuthorization: true },
  });
}
