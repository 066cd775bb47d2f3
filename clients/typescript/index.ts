import createClient, { type Client } from 'openapi-fetch';
import type { components, operations, paths } from './schema';

export type { components, operations, paths };

/** A typed client of the hexashop REST API: every path, parameter, body and response from openapi.json. */
export type HexashopClient = Client<paths>;

export interface HexashopClientOptions {
  /** The bearer token to send with each request, if any (read on every request). */
  readonly token?: () => string | undefined;
  /** A fetch implementation (defaults to the global one). */
  readonly fetch?: typeof fetch;
}

/**
 * `baseUrl` is the origin of an instance (e.g. `http://localhost:3000`);
 * paths such as `/api/v1/orders` are typed with their parameters, bodies and
 * responses. Errors come back as `error`: the problem+json document.
 */
export function createHexashopClient(
  baseUrl: string,
  options: HexashopClientOptions = {},
): HexashopClient {
  const client = createClient<paths>({
    baseUrl,
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  client.use({
    onRequest({ request }) {
      const token = options.token?.();
      if (token) request.headers.set('authorization', `Bearer ${token}`);
      return request;
    },
  });
  return client;
}
