import type { Middleware } from 'openapi-fetch';
import { describe, expect, it } from 'vitest';
import { createApiClient } from './client.js';
import { AbortedError, ApiConnectionError, ApiResponseError, NotFoundError, SignetError } from './errors.js';
import { answer, startFaultServer } from './fault-server.test-support.js';
import { recordingFetch } from './testing.js';

interface Paths {
  '/items/{id}': {
    get: {
      parameters: { query?: never; header?: never; path: { id: string }; cookie?: never };
      requestBody?: never;
      responses: {
        200: { headers: Record<string, unknown>; content: { 'application/json': { id: string } } };
        304: { headers: Record<string, unknown>; content?: never };
      };
    };
    delete: {
      parameters: { query?: never; header?: never; path: { id: string }; cookie?: never };
      requestBody?: never;
      responses: { 204: { headers: Record<string, unknown>; content?: never } };
    };
  };
  '/items': {
    post: {
      parameters: { query?: never; header?: never; path?: never; cookie?: never };
      requestBody: { content: { 'application/json': { name: string } } };
      responses: { 201: { headers: Record<string, unknown>; content: { 'application/json': { id: string } } } };
    };
  };
}

const noWait = { sleep: async () => {} };
const unavailable = () => new Response(null, { status: 503, headers: { 'retry-after': '0' } });

function client(io: ReturnType<typeof recordingFetch>, options: Partial<Parameters<typeof createApiClient>[0]> = {}) {
  return createApiClient<Paths>({ baseUrl: 'https://api.test/v1', fetch: io.fetch, ...options });
}

describe('createApiClient', () => {
  it('resolves with the data of a 2xx answer', async () => {
    const io = recordingFetch([Response.json({ id: 'a/b' })]);
    const api = client(io);
    const item = await api.call(undefined, (init) => api.raw.GET('/items/{id}', { params: { path: { id: 'a/b' } }, ...init }));
    expect(item).toEqual({ id: 'a/b' });
    expect(io.requests.map((r) => `${r.method} ${r.url.pathname}`)).toEqual(['GET /v1/items/a%2Fb']);
  });

  it('retries reads by default and creates only when the call says so', async () => {
    const read = recordingFetch([unavailable(), () => Response.json({ id: '1' })]);
    const api = client(read);
    await api.call(undefined, (init) => api.raw.GET('/items/{id}', { params: { path: { id: '1' } }, ...init }));
    expect(read.requests).toHaveLength(2);

    const create = recordingFetch([unavailable(), unavailable(), () => Response.json({ id: '1' }, { status: 201 })]);
    const creating = client(create);
    const post = (retry?: boolean) =>
      creating.call(retry === undefined ? {} : { retry }, (init) => creating.raw.POST('/items', { body: { name: 'n' }, ...init }));
    await expect(post()).rejects.toMatchObject({ status: 503 });
    expect(create.requests).toHaveLength(1);
    await expect(post(true)).resolves.toEqual({ id: '1' });
    expect(create.requests).toHaveLength(3);
  });

  it('takes maxRetries per call', async () => {
    const io = recordingFetch([() => unavailable()]);
    const api = client(io, noWait);
    await expect(
      api.call({ maxRetries: 4 }, (init) => api.raw.GET('/items/{id}', { params: { path: { id: '1' } }, ...init })),
    ).rejects.toMatchObject({ status: 503 });
    expect(io.requests).toHaveLength(5);
  });

  it('maps an error status to its ApiError subclass, a SignetError', async () => {
    const io = recordingFetch([Response.json({ detail: 'no such item' }, { status: 404 })]);
    const api = client(io);
    const failure = await api
      .call(undefined, (init) => api.raw.GET('/items/{id}', { params: { path: { id: 'x' } }, ...init }))
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(NotFoundError);
    expect(failure).toBeInstanceOf(SignetError);
    expect(failure).toMatchObject({ status: 404, reason: 'no such item' });
  });

  it('refuses a success answer without the promised body, and one that is not JSON', async () => {
    const io = recordingFetch([new Response(null, { status: 201 }), new Response('<html>', { status: 200 })]);
    const api = client(io);
    await expect(api.call(undefined, (init) => api.raw.POST('/items', { body: { name: 'n' }, ...init }))).rejects.toMatchObject({
      code: ApiResponseError.code,
      status: 201,
    });
    const html = await api
      .call(undefined, (init) => api.raw.GET('/items/{id}', { params: { path: { id: '1' } }, ...init }))
      .catch((error: unknown) => error);
    expect(html).toBeInstanceOf(ApiResponseError);
    // The parser's error, copied with anything the call sent redacted.
    expect((html as Error).cause).toMatchObject({ name: 'SyntaxError', message: expect.stringContaining('JSON') });
  });

  it('accepts no content where the operation promises none', async () => {
    const io = recordingFetch([new Response(null, { status: 204 })]);
    const api = client(io);
    await expect(
      api.call(undefined, (init) => api.raw.DELETE('/items/{id}', { params: { path: { id: '1' } }, ...init }), { body: false }),
    ).resolves.toBeUndefined();
  });

  it('resolves a 304 through exchange, with the response', async () => {
    const io = recordingFetch([new Response(null, { status: 304, headers: { etag: '"v1"' } })]);
    const api = client(io);
    const { response } = await api.exchange(undefined, (init) => api.raw.GET('/items/{id}', { params: { path: { id: '1' } }, ...init }));
    expect(response.status).toBe(304);
    expect(response.headers.get('etag')).toBe('"v1"');
  });

  it('stops on the call signal, even while waiting to retry', async () => {
    const controller = new AbortController();
    const io = recordingFetch([
      () => {
        controller.abort();
        return unavailable();
      },
    ]);
    const api = client(io);
    await expect(
      api.call({ signal: controller.signal }, (init) => api.raw.GET('/items/{id}', { params: { path: { id: '1' } }, ...init })),
    ).rejects.toBeInstanceOf(AbortedError);
    expect(io.requests).toHaveLength(1);
  });

  it('signs every try after the middleware has run', async () => {
    const io = recordingFetch([unavailable(), () => Response.json({ id: '1' })]);
    let tries = 0;
    const api = client(io, {
      middleware: [
        {
          onRequest: ({ request }) => {
            request.headers.set('x-from-middleware', 'yes');
            return request;
          },
        },
      ],
      sign: (request) => {
        tries++;
        return { headers: { 'x-signature': `${request.headers.get('x-from-middleware')}-${tries}` } };
      },
    });
    await api.call(undefined, (init) => api.raw.GET('/items/{id}', { params: { path: { id: '1' } }, ...init }));
    expect(io.requests.map((r) => r.headers.get('x-signature'))).toEqual(['yes-1', 'yes-2']);
  });
});

describe('middleware', () => {
  const text = (body: Uint8Array | string | undefined) => (typeof body === 'string' ? body : new TextDecoder().decode(body));
  const setHeader = (name: string, value: string): Middleware => ({
    onRequest: ({ request }) => {
      request.headers.set(name, value);
    },
  });
  const getItem = (api: ReturnType<typeof client>, headers?: Record<string, string>) =>
    api.call(undefined, (init) => api.raw.GET('/items/{id}', { params: { path: { id: '1' } }, ...(headers && { headers }), ...init }));
  const postItem = (api: ReturnType<typeof client>, middleware?: Middleware[]) =>
    api.call(undefined, (init) => api.raw.POST('/items', { body: { name: 'n' }, ...(middleware && { middleware }), ...init }));

  it('hands the signer the serialized body, which the transport sends as it is', async () => {
    const io = recordingFetch([() => Response.json({ id: '1' }, { status: 201 })]);
    const bodies: string[] = [];
    const api = client(io, {
      bodySerializer: (body) => JSON.stringify(body, null, 1),
      sign: ({ body }) => {
        bodies.push(text(body));
        return { headers: { 'x-signature': 'sig' } };
      },
    });
    await postItem(api);
    expect(bodies).toEqual(['{\n "name": "n"\n}']);
    expect(io.requests.map((r) => [r.body, r.headers.get('content-type'), r.headers.get('x-signature')])).toEqual([
      ['{\n "name": "n"\n}', 'application/json', 'sig'],
    ]);
  });

  it('sets its headers on every try, over the same header set by the client or the call', async () => {
    const io = recordingFetch([unavailable(), () => Response.json({ id: '1' })]);
    const api = client(io, {
      ...noWait,
      headers: { 'x-api-key': 'from-client-headers' },
      middleware: [setHeader('X-API-Key', 'from-auth'), setHeader('x-user-id', 'user-1')],
    });
    await getItem(api, { 'x-api-key': 'from-call' });
    expect(io.requests.map((r) => [r.headers.get('x-api-key'), r.headers.get('x-user-id')])).toEqual([
      ['from-auth', 'user-1'],
      ['from-auth', 'user-1'],
    ]);
  });

  it.each([
    ['alone', []],
    ['after middleware that sets a header', [setHeader('x-api-key', 'from-auth')]],
  ])('may replace the Request (%s): the transport signs and sends the replacement', async (_name, before) => {
    const io = recordingFetch(() => Response.json({ id: '1' }, { status: 201 }));
    const signed: string[] = [];
    const api = client(io, {
      middleware: before,
      sign: ({ body }) => {
        signed.push(text(body));
        return { headers: { 'x-signature': 'sig' } };
      },
    });
    api.raw.use({ onRequest: ({ request }) => new Request(request, { body: '{"name":"replaced"}', headers: { 'x-copy': '1' } }) });
    await postItem(api);
    expect(signed).toEqual(['{"name":"replaced"}']);
    expect(io.requests.map((r) => [r.body, r.headers.get('x-copy'), r.headers.get('x-signature')])).toEqual([
      ['{"name":"replaced"}', '1', 'sig'],
    ]);
  });

  it.each([
    ['on a client without other middleware', []],
    ['beside other middleware', [setHeader('x-user-id', 'user-1')]],
  ])('may be given onResponse after it was registered, which gets the real Request (%s)', async (_name, others) => {
    const io = recordingFetch(() => Response.json({ id: '1' }));
    const auth: Middleware = setHeader('x-api-key', 'from-auth');
    const api = client(io, { middleware: [auth, ...others] });
    await getItem(api);
    const seen: unknown[] = [];
    auth.onResponse = ({ request, response }) => {
      // As with fetch, a body the request had is spent by now; clone() and the rest of it work.
      const copy = request.clone();
      seen.push(request instanceof Request, copy.method, new URL(copy.url).pathname, copy.headers.get('x-api-key'), response.status);
    };
    await getItem(api);
    expect(seen).toEqual([true, 'GET', '/v1/items/1', 'from-auth', 200]);
  });

  it('is no longer run once raw.eject has removed it', async () => {
    const io = recordingFetch(() => Response.json({ id: '1' }));
    const auth = setHeader('x-api-key', 'from-auth');
    const api = client(io, { middleware: [auth, setHeader('x-user-id', 'user-1')] });
    await getItem(api);
    api.raw.eject(auth);
    await getItem(api);
    expect(io.requests.map((r) => [r.headers.get('x-api-key'), r.headers.get('x-user-id')])).toEqual([
      ['from-auth', 'user-1'],
      [null, 'user-1'],
    ]);
  });
});

describe('the request user code is handed', () => {
  const isPlainRequest = (request: unknown) => request instanceof Request && Object.getPrototypeOf(request) === Request.prototype;

  it('is a real Request in a per-request onRequest, which new Request() and clone() take', async () => {
    const io = recordingFetch(() => Response.json({ id: '1' }, { status: 201 }));
    const api = client(io);
    const seen: unknown[] = [];
    const middleware = [
      {
        onRequest: async ({ request }: { request: Request }) => {
          seen.push(isPlainRequest(request), await request.clone().text());
          return new Request(request, { headers: { ...Object.fromEntries(request.headers), 'x-copy': '1' } });
        },
      },
    ];
    await api.call(undefined, (init) => api.raw.POST('/items', { body: { name: 'n' }, middleware, ...init }));
    expect(seen).toEqual([true, '{"name":"n"}']);
    expect(io.requests.map((r) => [r.method, r.body, r.headers.get('content-type'), r.headers.get('x-copy')])).toEqual([
      ['POST', '{"name":"n"}', 'application/json', '1'],
    ]);
  });

  it('is a real Request in a per-request onResponse and onError', async () => {
    const io = recordingFetch([Response.json({ id: '1' }), new TypeError('fetch failed')]);
    const api = client(io, { maxRetries: 0 });
    const seen: string[] = [];
    const middleware = [
      {
        onResponse: ({ request }: { request: Request }) => {
          const copy = new Request(request);
          seen.push(`response ${isPlainRequest(request)} ${copy.method} ${new URL(copy.url).pathname}`);
        },
        onError: ({ request }: { request: Request }) => {
          seen.push(`error ${isPlainRequest(request)} ${request.method} ${new URL(request.url).pathname}`);
        },
      },
    ];
    await api.call(undefined, (init) => api.raw.GET('/items/{id}', { params: { path: { id: '1' } }, middleware, ...init }));
    await expect(
      api.call(undefined, (init) => api.raw.GET('/items/{id}', { params: { path: { id: '2' } }, middleware, ...init })),
    ).rejects.toBeInstanceOf(ApiConnectionError);
    expect(seen).toEqual(['response true GET /v1/items/1', 'error true GET /v1/items/2']);
  });

  it("can be sent by a per-request middleware with the global fetch, its answer taken as the call's", async () => {
    const server = await startFaultServer((_request, response) => answer(response, 201, { id: 'from-server' }));
    try {
      const io = recordingFetch();
      const api = createApiClient<Paths>({ baseUrl: `${server.origin}/v1`, fetch: io.fetch });
      const middleware = [{ onRequest: ({ request }: { request: Request }) => fetch(request) }];
      const item = await api.call(undefined, (init) => api.raw.POST('/items', { body: { name: 'n' }, middleware, ...init }));
      expect(item).toEqual({ id: 'from-server' });
      expect(server.requests.map((r) => [r.method, r.url, r.body])).toEqual([['POST', '/v1/items', '{"name":"n"}']]);
      expect(io.requests).toHaveLength(0);
    } finally {
      await server.close();
    }
  });

  it('is a real Request for a fetch given in the call options', async () => {
    const io = recordingFetch(() => Response.json({ id: '1' }, { status: 201 }));
    const api = client(recordingFetch());
    const kinds: boolean[] = [];
    const own = (request: Request) => {
      kinds.push(isPlainRequest(request));
      return io.fetch(new Request(request));
    };
    await api.call(undefined, (init) => api.raw.POST('/items', { body: { name: 'n' }, ...init, fetch: own }));
    expect(kinds).toEqual([true]);
    expect(io.requests.map((r) => r.body)).toEqual(['{"name":"n"}']);
  });

  it('is a real Request for isRetryable, which is asked only when a try could be repeated', async () => {
    const io = recordingFetch([
      Response.json({ id: '1' }, { status: 201 }),
      unavailable(),
      () => Response.json({ id: '2' }, { status: 201 }),
    ]);
    const seen: string[] = [];
    const api = client(io, {
      ...noWait,
      isRetryable: (request) => {
        const copy = new Request(request);
        seen.push(`${isPlainRequest(request)} ${copy.method} ${new URL(copy.url).pathname} ${copy.headers.get('content-type')}`);
        return true;
      },
    });
    const post = () => api.call(undefined, (init) => api.raw.POST('/items', { body: { name: 'n' }, ...init }));
    await expect(post()).resolves.toEqual({ id: '1' });
    expect(seen).toEqual([]);
    await expect(post()).resolves.toEqual({ id: '2' });
    expect(seen).toEqual(['true POST /v1/items application/json']);
    expect(io.requests.map((r) => r.body)).toEqual(['{"name":"n"}', '{"name":"n"}', '{"name":"n"}']);
  });

  it('signs the bytes a per-request middleware put in, and sends exactly those', async () => {
    const io = recordingFetch(() => Response.json({ id: '1' }, { status: 201 }));
    const signed: string[] = [];
    const api = client(io, {
      sign: ({ body }) => {
        signed.push(typeof body === 'string' ? body : new TextDecoder().decode(body));
        return { headers: { 'x-signature': 'sig' } };
      },
    });
    const middleware = [{ onRequest: ({ request }: { request: Request }) => new Request(request, { body: '{"name":"replaced"}' }) }];
    await api.call(undefined, (init) => api.raw.POST('/items', { body: { name: 'n' }, middleware, ...init }));
    expect(signed).toEqual(['{"name":"replaced"}']);
    expect(io.requests.map((r) => [r.body, r.headers.get('x-signature')])).toEqual([['{"name":"replaced"}', 'sig']]);
  });

  it("redacts from an ApiError's reason a credential the server echoes back", async () => {
    const key = 'sk-live-ECHOED-0123456789';
    const io = recordingFetch([Response.json({ detail: `API key ${key} is revoked` }, { status: 401 })]);
    const apiKey: Middleware = {
      onRequest: ({ request }) => {
        request.headers.set('x-api-key', key);
        return request;
      },
    };
    const api = client(io, { middleware: [apiKey] });
    const error = await api
      .call(undefined, (init) => api.raw.GET('/items/{id}', { params: { path: { id: '1' } }, ...init }))
      .catch((e: unknown) => e);
    expect((error as Error).message).toBe('GET /v1/items/1: 401 API key [redacted] is revoked');
  });
});
