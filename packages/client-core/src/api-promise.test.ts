import { describe, expect, it } from 'vitest';
import { createApiClient } from './client.js';
import { NotFoundError, RateLimitError } from './errors.js';
import { recordingFetch } from './testing.js';

interface Paths {
  '/items/{id}': {
    get: {
      parameters: { query?: never; header?: never; path: { id: string }; cookie?: never };
      requestBody?: never;
      responses: { 200: { headers: Record<string, unknown>; content: { 'application/json': { id: string; done?: boolean } } } };
    };
  };
}

function client(io: ReturnType<typeof recordingFetch>) {
  const api = createApiClient<Paths>({ baseUrl: 'https://api.test/v1', fetch: io.fetch, sleep: async () => {} });
  const get = (id: string, signal?: AbortSignal) =>
    api.call(signal ? { signal } : {}, (init) => api.raw.GET('/items/{id}', { params: { path: { id } }, ...init }));
  return { api, get };
}

describe('ApiPromise.withResponse()', () => {
  it('awaits to the data alone, as before', async () => {
    const { get } = client(recordingFetch([Response.json({ id: '1' })]));
    expect(await get('1')).toEqual({ id: '1' });
  });

  it('gives the data, the final Response and the x-request-id, from one request', async () => {
    const io = recordingFetch([Response.json({ id: '1' }, { headers: { 'x-request-id': 'req-7', etag: '"v1"' } })]);
    const { get } = client(io);
    const { data, response, requestId } = await get('1').withResponse();
    expect(data).toEqual({ id: '1' });
    expect([response.status, response.headers.get('etag'), response.url]).toEqual([200, '"v1"', 'https://api.test/v1/items/1']);
    expect(requestId).toBe('req-7');
    expect(io.requests).toHaveLength(1);
  });

  it("reads Aiuta's request id from x-cloud-trace-context, without the span", async () => {
    const trace = '105445aa7843bc8bf206b12000100000/1;o=1';
    const { get } = client(recordingFetch([Response.json({ id: '1' }, { headers: { 'x-cloud-trace-context': trace } })]));
    expect((await get('1').withResponse()).requestId).toBe('105445aa7843bc8bf206b12000100000');
  });

  it('has no request id when the server sends none', async () => {
    const { get } = client(recordingFetch([Response.json({ id: '1' })]));
    expect((await get('1').withResponse()).requestId).toBeUndefined();
  });

  it('rejects as the call does, leaving no unhandled rejection behind', async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    try {
      const { get } = client(
        recordingFetch([Response.json({ detail: 'Item not found' }, { status: 404, headers: { 'x-request-id': 'req-9' } })]),
      );
      const error = await get('1')
        .withResponse()
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(NotFoundError);
      expect(error).toMatchObject({ requestId: 'req-9', reason: 'Item not found' });
      await new Promise((resolve) => setTimeout(resolve, 10));
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });

  it("poll's withResponse() has the last read's Response", async () => {
    const io = recordingFetch([
      Response.json({ id: '1', done: false }, { headers: { 'x-request-id': 'read-1' } }),
      Response.json({ id: '1', done: true }, { headers: { 'x-request-id': 'read-2' } }),
    ]);
    const { api, get } = client(io);
    const { data, requestId } = await api
      .poll(
        (signal) => get('1', signal),
        (item) => item.done === true,
        { sleep: async () => {} },
      )
      .withResponse();
    expect([data, requestId]).toEqual([{ id: '1', done: true }, 'read-2']);
  });
});

describe('RateLimitError', () => {
  it("keeps the last answer's rate-limit headers", async () => {
    const limited = () =>
      new Response('{"detail":"slow down"}', {
        status: 429,
        headers: { 'retry-after': '0', 'x-ratelimit-limit': '60', 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '17' },
      });
    const io = recordingFetch([limited(), limited(), limited()]);
    const error = await client(io)
      .get('1')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitError);
    const { headers } = error as RateLimitError;
    expect(['x-ratelimit-limit', 'x-ratelimit-remaining', 'x-ratelimit-reset'].map((name) => headers.get(name))).toEqual(['60', '0', '17']);
    expect(io.requests).toHaveLength(3);
  });
});
