import { createHash } from 'node:crypto';
import { CanActivate, ExecutionContext } from '@nestjs/common';
import { GUARDS_METADATA } from '@nestjs/common/constants';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { applyEtag, HttpCache, HttpCacheHeaders } from './http-cache';

class ProbeController {
  @HttpCache({ maxAgeSeconds: 30, staleWhileRevalidateSeconds: 120 })
  cached(): void {}

  uncached(): void {}
}

interface FakeRequest {
  headers: Record<string, string | undefined>;
}

interface FakeReply {
  statusCode: number;
  headers: Record<string, string>;
  header(name: string, value: string): FakeReply;
  code(status: number): FakeReply;
}

function fakeRequest(headers: Record<string, string> = {}): FakeRequest {
  return { headers };
}

function fakeReply(statusCode = 200): FakeReply {
  return {
    statusCode,
    headers: {},
    header(name, value) {
      this.headers[name.toLowerCase()] = value;
      return this;
    },
    code(status) {
      this.statusCode = status;
      return this;
    },
  };
}

/** Runs the guards @HttpCache put on a route for a request, as Nest does before the handler. */
async function intercept(
  handler: keyof ProbeController,
  request: FakeRequest,
  reply: FakeReply,
): Promise<void> {
  const context = {
    getHandler: () => ProbeController.prototype[handler],
    switchToHttp: () => ({ getRequest: () => request, getResponse: () => reply }),
  } as unknown as ExecutionContext;
  const guards = (Reflect.getMetadata(GUARDS_METADATA, ProbeController.prototype[handler]) ??
    []) as CanActivate[];
  for (const guard of guards) expect(await guard.canActivate(context)).toBe(true);
}

const etagOf = (body: string): string => `"${createHash('sha1').update(body).digest('base64url')}"`;

const BODY = JSON.stringify({ id: 'product-1', name: 'Espresso Beans', price: 24000 });

describe(applyEtag.name, () => {
  /** A request through a route marked with @HttpCache, then the onSend step. */
  async function send(
    body: unknown,
    headers: Record<string, string> = {},
    status = 200,
  ): Promise<{ reply: FakeReply; payload: unknown }> {
    const request = fakeRequest(headers);
    const reply = fakeReply(status);
    await intercept('cached', request, reply);
    const payload = applyEtag(
      request as unknown as FastifyRequest,
      reply as unknown as FastifyReply,
      body,
    );
    return { reply, payload };
  }

  it('tags a 200 body of a marked route with the strong ETag of its bytes', async () => {
    const { reply, payload } = await send(BODY);

    expect(reply.headers.etag).toBe(etagOf(BODY));
    expect(reply.statusCode).toBe(200);
    expect(payload).toBe(BODY);
  });

  it('gives a Buffer the same ETag as the equal string', async () => {
    const { reply, payload } = await send(Buffer.from(BODY));

    expect(reply.headers.etag).toBe(etagOf(BODY));
    expect(Buffer.isBuffer(payload)).toBe(true);
  });

  it('gives a different body a different ETag', async () => {
    const first = await send(BODY);
    const second = await send(BODY.replace('24000', '24001'));

    expect(second.reply.headers.etag).not.toBe(first.reply.headers.etag);
  });

  it('leaves responses of routes without @HttpCache alone', async () => {
    const request = fakeRequest({ 'if-none-match': '*' });
    const reply = fakeReply();
    await intercept('uncached', request, reply);

    const payload = applyEtag(
      request as unknown as FastifyRequest,
      reply as unknown as FastifyReply,
      BODY,
    );

    expect(payload).toBe(BODY);
    expect(reply.headers).toEqual({});
    expect(reply.statusCode).toBe(200);
  });

  it.each([201, 204, 304, 404, 500])(
    'does not tag a response with status %p, even on a matching If-None-Match',
    async (status) => {
      const { reply, payload } = await send(BODY, { 'if-none-match': '*' }, status);

      expect(reply.headers.etag).toBeUndefined();
      expect(reply.statusCode).toBe(status);
      expect(payload).toBe(BODY);
    },
  );

  it('leaves a payload that is not a string or Buffer untagged', async () => {
    const stream = { pipe: () => undefined };

    const { reply, payload } = await send(stream);

    expect(payload).toBe(stream);
    expect(reply.headers.etag).toBeUndefined();
  });

  it.each([
    ['the same ETag', (etag: string) => etag],
    ['the weak form W/ of it', (etag: string) => `W/${etag}`],
    ['a list that contains it', (etag: string) => `"stale", ${etag} , "other"`],
    ['a list that contains its weak form', (etag: string) => `"stale",W/${etag}`],
    ['*', () => '*'],
  ])('answers If-None-Match with %s by 304 and an empty body', async (_label, header) => {
    const { reply, payload } = await send(BODY, { 'if-none-match': header(etagOf(BODY)) });

    expect(reply.statusCode).toBe(304);
    expect(payload).toBe('');
    expect(reply.headers.etag).toBe(etagOf(BODY));
  });

  it.each([
    ['another ETag', '"something-else"'],
    ['the ETag of an older body', etagOf(BODY.replace('24000', '23000'))],
    ['the ETag without quotes', etagOf(BODY).slice(1, -1)],
    ['an empty header', ''],
  ])('sends the full 200 body when If-None-Match holds %s', async (_label, header) => {
    const { reply, payload } = await send(BODY, { 'if-none-match': header });

    expect(reply.statusCode).toBe(200);
    expect(payload).toBe(BODY);
    expect(reply.headers.etag).toBe(etagOf(BODY));
  });
});

describe(HttpCacheHeaders.name, () => {
  it('makes anonymous responses publicly cacheable by the route policy', async () => {
    const reply = fakeReply();

    await intercept('cached', fakeRequest(), reply);

    expect(reply.headers['cache-control']).toBe('public, max-age=30, stale-while-revalidate=120');
    expect(reply.headers.vary).toBe('Authorization');
  });

  it('makes authenticated responses private and revalidated', async () => {
    const reply = fakeReply();

    await intercept('cached', fakeRequest({ authorization: 'Bearer token' }), reply);

    expect(reply.headers['cache-control']).toBe('private, no-cache');
    expect(reply.headers.vary).toBe('Authorization');
  });

  it('sets no caching headers on routes without @HttpCache', async () => {
    const reply = fakeReply();

    await intercept('uncached', fakeRequest(), reply);

    expect(reply.headers).toEqual({});
  });
});
