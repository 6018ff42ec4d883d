import { createServer, request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { InvalidCredentialsError } from '../errors.js';
import { createAiutaTokenHandler, MAX_TOKEN_REQUEST_BYTES } from './token-handler.js';
import { toNodeListener } from './token-handler.node.js';
import { claimsOf, expectRefusal, issuer, NOW, post, secret, setup, URL_ } from './token-handler.test-support.js';

describe('createAiutaTokenHandler, in process: the tokens it issues, and its configuration', () => {
  it("answers the Web demo's POST with a JWT bound to the uploaded image, as JSON and no-store", async () => {
    const { handler, seen } = setup();
    const response = await handler(post({ uploaded_image_id: 'user_image-06f5948c' }));
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await claimsOf(response)).toEqual({
      uploaded_image_id: 'user_image-06f5948c',
      iss: issuer,
      iat: NOW / 1000,
      exp: NOW / 1000 + 60,
    });
    expect(seen).toEqual([{ uploaded_image_id: 'user_image-06f5948c' }]);
  });

  it("binds Android's try-on body (sku_ids) and a sku_id, with the configured lifetime", async () => {
    const { handler } = setup({ expiresInSeconds: 300 });
    expect(await claimsOf(await handler(post({ sku_ids: ['sku-1', 'sku-2'], uploaded_image_id: 'user_image-1' })))).toEqual({
      uploaded_image_id: 'user_image-1',
      sku_ids: ['sku-1', 'sku-2'],
      iss: issuer,
      iat: NOW / 1000,
      exp: NOW / 1000 + 300,
    });
    expect(await claimsOf(await handler(post({ uploaded_image_id: 'model_woman_00', sku_id: 'sku-1' })))).toMatchObject({
      uploaded_image_id: 'model_woman_00',
      sku_id: 'sku-1',
    });
  });

  it('accepts GET with query parameters, sku_ids repeated, like the reference Flask endpoint', async () => {
    const { handler, seen } = setup();
    const request = new Request(`${URL_}?uploaded_image_id=user_image-1&sku_ids=a&sku_ids=b`, { headers: { cookie: 'session=ok' } });
    expect(await claimsOf(await handler(request))).toMatchObject({ uploaded_image_id: 'user_image-1', sku_ids: ['a', 'b'] });
    expect(seen).toEqual([{ uploaded_image_id: 'user_image-1', sku_ids: ['a', 'b'] }]);
  });

  it('accepts a JSON content type with parameters and ignores the query of a POST', async () => {
    const { handler } = setup();
    const request = new Request(`${URL_}?v=2`, {
      method: 'POST',
      headers: { 'content-type': 'Application/JSON; charset=utf-8', cookie: 'session=ok' },
      body: '{"uploaded_image_id":"u"}',
    });
    expect(await claimsOf(await handler(request))).toMatchObject({ uploaded_image_id: 'u' });
  });

  it('binds only the parameters in `bind`, requiring those in `required`', async () => {
    const { handler } = setup({ bind: ['uploaded_image_id'] });
    await expectRefusal(await handler(post({ uploaded_image_id: 'u', sku_ids: ['a'] })), 400, 'invalid_request');
    const skuOnly = setup({ bind: ['sku_id', 'sku_ids'], required: ['sku_ids'] }).handler;
    expect(await claimsOf(await skuOnly(post({ sku_ids: ['a'] })))).toMatchObject({ sku_ids: ['a'] });
    await expectRefusal(await skuOnly(post({ sku_id: 'a' })), 400, 'invalid_request');
    const open = setup({ required: [] }).handler;
    expect(Object.keys(await claimsOf(await open(post(''))))).toEqual(['iss', 'iat', 'exp']);
  });

  it('refuses a bad configuration at start-up, without naming the secret', () => {
    const authorize = () => true;
    expect(() => createAiutaTokenHandler({ secret: '', issuer, authorize })).toThrowError(InvalidCredentialsError);
    expect(() => createAiutaTokenHandler({ secret, issuer: '', authorize })).toThrowError(InvalidCredentialsError);
    expect(() => createAiutaTokenHandler({ secret, issuer, authorize, expiresInSeconds: 0 })).toThrowError(/expiresInSeconds/);
    expect(() => createAiutaTokenHandler({ secret, issuer, authorize, bind: ['user_id' as never] })).toThrowError(/bind/);
    expect(() => createAiutaTokenHandler({ secret, issuer, authorize, bind: ['sku_id'] })).toThrowError(/required/);
    expect(() => createAiutaTokenHandler({ secret, issuer } as never)).toThrowError(/authorize/);
  });
});

describe('createAiutaTokenHandler, in process: what it refuses', () => {
  it("answers 401 and 403 as the customer's authorize decides, and 403 for anything but true", async () => {
    const { handler } = setup();
    await expectRefusal(await handler(post({ uploaded_image_id: 'u' }, { cookie: '' })), 401, 'unauthenticated');
    await expectRefusal(await handler(post({ uploaded_image_id: 'u' }, { cookie: 'session=expired' })), 403, 'forbidden');
    const sloppy = setup({ authorize: () => undefined as unknown as boolean }).handler;
    await expectRefusal(await sloppy(post({ uploaded_image_id: 'u' })), 403, 'forbidden');
    const asynchronous = setup({ authorize: async () => true }).handler;
    expect((await asynchronous(post({ uploaded_image_id: 'u' }))).status).toBe(200);
  });

  it('answers 500 with a generic message when authorize throws, and tells onError', async () => {
    const onError = vi.fn();
    const failure = new Error(`database down (${secret})`);
    const { handler } = setup({
      onError,
      authorize: () => {
        throw failure;
      },
    });
    const message = await expectRefusal(await handler(post({ uploaded_image_id: 'u' })), 500, 'internal_error');
    expect(message).toBe('the token could not be issued');
    expect(onError).toHaveBeenCalledWith(failure);
    const noisy = setup({
      onError: () => {
        throw new Error('the logger broke');
      },
      authorize: () => Promise.reject(failure),
    }).handler;
    await expectRefusal(await noisy(post({ uploaded_image_id: 'u' })), 500, 'internal_error');
  });

  it.each([
    ['a body that is not JSON', post('{"uploaded_image_id":'), /not valid JSON/],
    ['a JSON array', post(['u']), /must be a JSON object/],
    ['a JSON string', post('"u"'), /must be a JSON object/],
    ['invalid UTF-8', post(new Uint8Array([0x7b, 0xff, 0x7d])), /not valid JSON/],
    ['an unknown field', post({ uploaded_image_id: 'u', user_id: 'admin' }), /unknown parameter "user_id"/],
    ['a claim name', post({ uploaded_image_id: 'u', exp: 9_999_999_999 }), /unknown parameter "exp"/],
    ['__proto__', post('{"uploaded_image_id":"u","__proto__":{"x":1}}'), /unknown parameter "__proto__"/],
    ['a missing uploaded_image_id', post({ sku_id: 's' }), /uploaded_image_id is required/],
    ['an empty body', post(''), /uploaded_image_id is required/],
    ['an empty uploaded_image_id', post({ uploaded_image_id: '' }), /uploaded_image_id must not be empty/],
    ['a numeric uploaded_image_id', post({ uploaded_image_id: 7 }), /uploaded_image_id must be a string/],
    ['a null sku_id', post({ uploaded_image_id: 'u', sku_id: null }), /sku_id must be a string/],
    ['an over-long ID', post({ uploaded_image_id: 'u'.repeat(257) }), /longer than 256/],
    ['a control character', post({ uploaded_image_id: 'u\n' }), /control characters/],
    ['sku_ids that is an object', post({ uploaded_image_id: 'u', sku_ids: { 0: 'a' } }), /array of strings or one comma-separated/],
    ['an empty SKU in a comma-joined sku_ids', post({ uploaded_image_id: 'u', sku_ids: 'a,,b' }), /sku_ids\[1\] must not be empty/],
    ['a JSON string that holds no object', post('"[\\"u\\"]"'), /must be a JSON object/],
    ['no sku_ids', post({ uploaded_image_id: 'u', sku_ids: [] }), /sku_ids takes 1 to 5/],
    ['six sku_ids', post({ uploaded_image_id: 'u', sku_ids: ['1', '2', '3', '4', '5', '6'] }), /sku_ids takes 1 to 5/],
    ['a number in sku_ids', post({ uploaded_image_id: 'u', sku_ids: ['a', 2] }), /sku_ids\[1\] must be a string/],
    ['both sku_id and sku_ids', post({ uploaded_image_id: 'u', sku_id: 'a', sku_ids: ['b'] }), /at most one of sku_id and sku_ids/],
    ['a repeated query parameter', new Request(`${URL_}?uploaded_image_id=a&uploaded_image_id=b`), /given more than once/],
    ['an unknown query parameter', new Request(`${URL_}?uploaded_image_id=a&_=123`), /unknown parameter "_"/],
  ])('answers 400 for %s, naming no value', async (_what, request, message) => {
    const { handler, seen } = setup();
    const text = await expectRefusal(await handler(request), 400, 'invalid_request');
    expect(text).toMatch(message);
    expect(text).not.toContain('admin');
    expect(seen).toHaveLength(0);
  });

  it('quotes an unknown field name short and printable', async () => {
    const { handler } = setup();
    const message = await expectRefusal(await handler(post({ [`<script>${'x'.repeat(100)}`]: 1 })), 400, 'invalid_request');
    expect(message).toContain('"?script?xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx…"');
  });

  it('answers 415 for a body that is not sent as JSON', async () => {
    const { handler } = setup();
    await expectRefusal(await handler(post({ uploaded_image_id: 'u' }, { 'content-type': 'text/plain' })), 415, 'unsupported_media_type');
    const form = new Request(URL_, { method: 'POST', body: new URLSearchParams({ uploaded_image_id: 'u' }) });
    await expectRefusal(await handler(form), 415, 'unsupported_media_type');
  });

  it('answers 405 with Allow for other methods', async () => {
    const { handler } = setup();
    for (const method of ['PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD']) {
      const response = await handler(new Request(URL_, { method }));
      expect(response.status).toBe(405);
      expect(response.headers.get('allow')).toBe('GET, POST');
    }
  });

  it('answers 413 for a body over the limit, by Content-Length or as it streams, without reading on', async () => {
    const { handler } = setup();
    const big = JSON.stringify({ uploaded_image_id: 'u'.repeat(MAX_TOKEN_REQUEST_BYTES) });
    await expectRefusal(await handler(post(big)), 413, 'payload_too_large');
    let pulls = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulls++;
        controller.enqueue(new Uint8Array(1024).fill(0x20));
      },
    });
    const streamed = new Request(URL_, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: endless,
      duplex: 'half',
    } as RequestInit);
    await expectRefusal(await handler(streamed), 413, 'payload_too_large');
    expect(pulls).toBeLessThan(20);
  });

  it('answers 400, not a throw, when the body stream fails', async () => {
    const { handler } = setup();
    const broken = new ReadableStream<Uint8Array>({
      pull(controller) {
        controller.error(new Error('connection reset'));
      },
    });
    const request = new Request(URL_, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: broken,
      duplex: 'half',
    } as RequestInit);
    await expectRefusal(await handler(request), 400, 'invalid_request');
  });
});

describe('toNodeListener, through node:http on 127.0.0.1', () => {
  let close: (() => Promise<void>) | undefined;
  afterEach(async () => {
    await close?.();
    close = undefined;
  });

  async function listen(handler: (request: Request) => Promise<Response>) {
    const server = createServer(toNodeListener(handler));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    close = () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections(); // keep-alive connections of fetch and the http agent
      });
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}/aiuta-token`;
  }

  it('issues a token for a POST and a GET, with the cookie authorize reads', async () => {
    const { handler, seen } = setup();
    const url = await listen(handler);
    const posted = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: 'session=ok' },
      body: JSON.stringify({ uploaded_image_id: 'user_image-1', sku_ids: ['sku-1'] }),
    });
    expect(posted.headers.get('cache-control')).toBe('no-store');
    expect(await claimsOf(posted)).toMatchObject({ uploaded_image_id: 'user_image-1', sku_ids: ['sku-1'], iss: issuer });
    const got = await fetch(`${url}?uploaded_image_id=user_image-2&sku_id=sku-2`, { headers: { cookie: 'session=ok' } });
    expect(await claimsOf(got)).toMatchObject({ uploaded_image_id: 'user_image-2', sku_id: 'sku-2' });
    expect(seen).toHaveLength(2);
  });

  it('answers 401, 405 and 400 over the wire', async () => {
    const url = await listen(setup().handler);
    await expectRefusal(
      await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"uploaded_image_id":"u"}' }),
      401,
      'unauthenticated',
    );
    const put = await fetch(url, { method: 'PUT', body: '{}' });
    expect([put.status, put.headers.get('allow')]).toEqual([405, 'GET, POST']);
    await put.body?.cancel();
    await expectRefusal(
      await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', cookie: 'session=ok' }, body: '[' }),
      400,
      'invalid_request',
    );
  });

  it('answers 413 to a chunked body over the limit and still delivers the answer', async () => {
    const url = await listen(setup().handler);
    const status = await new Promise<number>((resolve, reject) => {
      const req = httpRequest(
        url,
        { method: 'POST', headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' } },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on('error', reject);
      const chunk = Buffer.alloc(4096, 0x20);
      let sent = 0;
      const write = () => {
        while (sent < 64 && req.write(chunk)) sent++;
        if (sent < 64) req.once('drain', write);
        else req.end();
      };
      write();
    });
    expect(status).toBe(413);
  });

  it('answers 500 when the handler itself rejects, and 400 for a malformed Host', async () => {
    const url = await listen(() => Promise.reject(new Error('boom')));
    await expectRefusal(await fetch(url), 500, 'internal_error');
    const { port } = new URL(url);
    const status = await new Promise<number>((resolve, reject) => {
      httpRequest({ host: '127.0.0.1', port, path: '/aiuta-token', headers: { host: 'bad host' } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      })
        .on('error', reject)
        .end();
    });
    expect(status).toBe(400);
  });
});
