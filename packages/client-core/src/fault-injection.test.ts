import { inspect } from 'node:util';
import type { Middleware } from 'openapi-fetch';
import { afterEach, describe, expect, it } from 'vitest';
import { type ApiClientOptions, createApiClient } from './client.js';
import {
  AbortedError,
  ApiConnectionError,
  ApiRedirectError,
  ApiResponseError,
  ApiResponseTooLargeError,
  ApiTimeoutError,
  AuthenticationError,
  InternalServerError,
  InvalidRequestError,
  RateLimitError,
} from './errors.js';
import {
  answer,
  endlessBody,
  type FaultScript,
  type FaultServer,
  resetMidBody,
  stallAfterHeaders,
  startFaultServer,
  truncateBody,
} from './fault-server.test-support.js';

/**
 * The whole client stack (openapi-fetch, middleware, signing, the transport,
 * undici) against a real HTTP server misbehaving on purpose. Each case asserts
 * the typed error, how many requests the server saw, and a generous upper bound
 * on the time taken: a correctness bound (nothing hangs, retries stop), not a
 * performance measurement. Every failure is also checked for the credentials
 * the requests carried.
 */

interface Paths {
  '/data': {
    get: {
      parameters: { query?: { q?: string }; header?: never; path?: never; cookie?: never };
      requestBody?: never;
      responses: { 200: { headers: Record<string, unknown>; content: { 'application/json': { ok: boolean } } } };
    };
    post: {
      parameters: { query?: never; header?: never; path?: never; cookie?: never };
      requestBody: { content: { 'application/json': { name: string } } };
      responses: { 201: { headers: Record<string, unknown>; content: { 'application/json': { ok: boolean } } } };
    };
  };
}

const API_KEY = 'sk-live-FAULTINJECTION-0123456789abcdef';
const QUERY_SECRET = 'qs-FAULTINJECTION-token-98765';
// Per-try deadline: long enough that a loaded CI machine answers a healthy exchange within it.
const TIMEOUT_MS = 1000;
// What "did not hang" means here: far past the deadlines, far short of the test timeout.
const BOUND_MS = 10_000;

const apiKey: Middleware = {
  onRequest: ({ request }) => {
    request.headers.set('x-api-key', API_KEY);
    return request;
  },
};

const servers: FaultServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function serve(script: FaultScript): Promise<FaultServer> {
  const server = await startFaultServer(script);
  servers.push(server);
  return server;
}

function clientFor(server: FaultServer, options: Partial<ApiClientOptions> = {}) {
  const api = createApiClient<Paths>({ baseUrl: server.origin, timeoutMs: TIMEOUT_MS, maxRetries: 1, middleware: [apiKey], ...options });
  return {
    get: (call: { signal?: AbortSignal } = {}) =>
      api.call(call, (init) => api.raw.GET('/data', { params: { query: { q: QUERY_SECRET } }, ...init })),
    create: () => api.call(undefined, (init) => api.raw.POST('/data', { body: { name: 'n' }, ...init })),
  };
}

/** Runs `call`, expecting it to fail; returns the error and the time taken, having checked that no secret shows. */
async function failure(call: () => Promise<unknown>): Promise<{ error: unknown; ms: number }> {
  const started = performance.now();
  const error = await call().then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  const ms = performance.now() - started;
  expect(error).toBeInstanceOf(Error);
  const shown = `${inspect(error, { depth: 10 })}\n${String(error)}\n${(error as Error).stack}`;
  expect(shown).not.toContain(API_KEY);
  expect(shown).not.toContain(QUERY_SECRET);
  return { error, ms };
}

describe('fault injection: the body within the deadline', () => {
  it('a connection reset mid-body is ApiConnectionError, retried for a read and not for a create', async () => {
    const server = await serve((_request, response) => resetMidBody(response));
    const read = await failure(() => clientFor(server).get());
    expect(read.error).toBeInstanceOf(ApiConnectionError);
    expect((read.error as Error).message).toContain(new URL(server.origin).host);
    expect(server.requests).toHaveLength(2);
    expect(read.ms).toBeLessThan(BOUND_MS);

    const create = await failure(() => clientFor(server).create());
    expect(create.error).toBeInstanceOf(ApiConnectionError);
    expect(server.requests).toHaveLength(3);
  });

  it('a body that stalls after the headers times out per try, and is retried', async () => {
    const server = await serve((_request, response) => stallAfterHeaders(response));
    const { error, ms } = await failure(() => clientFor(server).get());
    expect(error).toBeInstanceOf(ApiTimeoutError);
    expect(error).toMatchObject({ timeoutMs: TIMEOUT_MS });
    expect(server.requests).toHaveLength(2);
    expect(ms).toBeGreaterThanOrEqual(2 * TIMEOUT_MS - 50);
    expect(ms).toBeLessThan(BOUND_MS);
  });

  it("a stalled body ends on the caller's AbortSignal", async () => {
    const server = await serve((_request, response) => stallAfterHeaders(response));
    const { error, ms } = await failure(() => clientFor(server, { timeoutMs: 60_000 }).get({ signal: AbortSignal.timeout(100) }));
    expect(error).toBeInstanceOf(AbortedError);
    expect(server.requests).toHaveLength(1);
    expect(ms).toBeLessThan(BOUND_MS);
  });

  it('a body shorter than its content-length is ApiConnectionError', async () => {
    const server = await serve((_request, response) => truncateBody(response));
    const { error, ms } = await failure(() => clientFor(server).create());
    expect(error).toBeInstanceOf(ApiConnectionError);
    expect(server.requests).toHaveLength(1);
    expect(ms).toBeLessThan(BOUND_MS);
  });

  it('no server at all is ApiConnectionError naming the host', async () => {
    const server = await serve(() => {});
    await server.close();
    const { error, ms } = await failure(() => clientFor(server).get());
    expect(error).toBeInstanceOf(ApiConnectionError);
    expect(error).toMatchObject({ host: new URL(server.origin).host });
    expect(ms).toBeLessThan(BOUND_MS);
  });
});

describe('fault injection: success statuses without a usable body', () => {
  it.each([
    ['invalid JSON', (response) => answer(response, 200, '{"ok": tru')],
    ['an HTML page', (response) => answer(response, 200, '<!doctype html><title>Gateway</title>', { 'content-type': 'text/html' })],
    ['an empty body', (response) => answer(response, 200, '')],
    [
      'an empty chunked body',
      (response) => {
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end();
      },
    ],
  ] satisfies [string, (response: Parameters<FaultScript>[1]) => void][])('%s is ApiResponseError, not retried', async (_what, reply) => {
    const server = await serve((_request, response) => reply(response));
    const { error, ms } = await failure(() => clientFor(server).get());
    expect(error).toBeInstanceOf(ApiResponseError);
    expect(server.requests).toHaveLength(1);
    expect(ms).toBeLessThan(BOUND_MS);
  });

  it('an error status is its ApiError, with the credentials nowhere in it', async () => {
    const server = await serve((_request, response) => answer(response, 401, { detail: 'Invalid API key' }));
    const { error } = await failure(() => clientFor(server).get());
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error).toMatchObject({ status: 401, reason: 'Invalid API key' });
    expect(server.requests).toHaveLength(1);
  });
});

describe('fault injection: redirects', () => {
  it('a redirect to another origin is refused, and that origin hears nothing', async () => {
    const other = await serve((_request, response) => answer(response, 200, { ok: true }));
    const server = await serve((_request, response) => {
      response.writeHead(302, { location: `${other.origin}/steal?token=abc` });
      response.end();
    });
    const { error, ms } = await failure(() => clientFor(server).get());
    expect(error).toBeInstanceOf(ApiRedirectError);
    expect(error).toMatchObject({ reason: 'cross-origin', targetOrigin: other.origin, status: 302 });
    expect((error as Error).message).not.toMatch(/steal|token/);
    expect(server.requests).toHaveLength(1);
    expect(other.requests).toHaveLength(0);
    expect(ms).toBeLessThan(BOUND_MS);
  });

  it('a same-origin redirect is followed, each hop signed anew; 303 continues as GET', async () => {
    const server = await serve((request, response) => {
      if (request.url === '/data' && request.method === 'POST') {
        response.writeHead(307, { location: '/data/again' });
        return response.end();
      }
      if (request.url === '/data/again') {
        response.writeHead(303, { location: '/data/result' });
        return response.end();
      }
      answer(response, 201, { ok: true });
    });
    let signatures = 0;
    const sign = () => ({ headers: { 'x-signature': `sig-${++signatures}` } });
    await expect(clientFor(server, { sign }).create()).resolves.toEqual({ ok: true });
    expect(server.requests.map((r) => `${r.method} ${r.url} ${r.headers['x-signature']} ${r.headers['x-api-key'] === API_KEY}`)).toEqual([
      'POST /data sig-1 true',
      'POST /data/again sig-2 true',
      'GET /data/result sig-3 true',
    ]);
    expect(server.requests.map((r) => r.body)).toEqual(['{"name":"n"}', '{"name":"n"}', '']);
  });

  it('a redirect loop is refused (307 keeps the method, so /data comes round again)', async () => {
    const server = await serve((request, response) => {
      response.writeHead(307, { location: request.url?.startsWith('/data/b') ? '/data' : '/data/b' });
      response.end();
    });
    const { error, ms } = await failure(() => clientFor(server).create());
    expect(error).toBeInstanceOf(ApiRedirectError);
    expect(error).toMatchObject({ reason: 'loop' });
    expect(server.requests).toHaveLength(2);
    expect(ms).toBeLessThan(BOUND_MS);
  });
});

describe('fault injection: Retry-After storms end after maxRetries', () => {
  it('429 with Retry-After in seconds is honoured, then the last answer stands', async () => {
    const server = await serve((_request, response) => answer(response, 429, { detail: 'slow down' }, { 'retry-after': '1' }));
    const { error, ms } = await failure(() => clientFor(server).get());
    expect(error).toBeInstanceOf(RateLimitError);
    expect(server.requests).toHaveLength(2);
    expect(ms).toBeGreaterThanOrEqual(950);
    expect(ms).toBeLessThan(BOUND_MS);
  });

  it('503 with Retry-After as an HTTP-date is honoured', async () => {
    const server = await serve((_request, response, index) =>
      index === 0
        ? answer(response, 503, { detail: 'busy' }, { 'retry-after': new Date(Date.now() + 2000).toUTCString() })
        : answer(response, 200, { ok: true }),
    );
    const started = performance.now();
    await expect(clientFor(server).get()).resolves.toEqual({ ok: true });
    const ms = performance.now() - started;
    expect(server.requests).toHaveLength(2);
    // The date has whole seconds, so the wait is between 1 and 2 s; backoff alone would be at most 0.5 s.
    expect(ms).toBeGreaterThanOrEqual(950);
    expect(ms).toBeLessThan(BOUND_MS);
  });

  it('a Retry-After beyond 60 s falls back to backoff, so a storm cannot stall the caller', async () => {
    const server = await serve((_request, response) => answer(response, 503, { detail: 'down' }, { 'retry-after': '86400' }));
    const { error, ms } = await failure(() => clientFor(server).get());
    expect(error).toBeInstanceOf(InternalServerError);
    expect(server.requests).toHaveLength(2);
    expect(ms).toBeLessThan(BOUND_MS);
  });
});

describe('fault injection: response size', () => {
  const LIMIT = 1024 * 1024;

  it('an endless body is dropped once past maxResponseBytes, long before it is all sent', async () => {
    const server = await serve((_request, response) => endlessBody(response));
    const { error, ms } = await failure(() => clientFor(server, { maxResponseBytes: LIMIT }).get());
    expect(error).toBeInstanceOf(ApiResponseTooLargeError);
    expect(error).toMatchObject({ limit: LIMIT, status: 200 });
    expect(server.requests).toHaveLength(1);
    expect(server.bytesSent()).toBeLessThan(64 * LIMIT);
    expect(ms).toBeLessThan(BOUND_MS);
  });

  it('a declared content-length over the limit is refused before the body is read', async () => {
    const server = await serve((_request, response) => endlessBody(response, { 'content-length': String(200 * 1024 * 1024) }));
    const { error, ms } = await failure(() => clientFor(server, { maxResponseBytes: LIMIT }).get());
    expect(error).toBeInstanceOf(ApiResponseTooLargeError);
    expect(server.requests).toHaveLength(1);
    expect(ms).toBeLessThan(BOUND_MS);
  });
});

describe('fault injection: requests that cannot be sent', () => {
  it('a header value HTTP cannot carry is InvalidRequestError, with no value and no cause, and nothing is sent', async () => {
    const server = await serve((_request, response) => answer(response, 200, { ok: true }));
    const sign = () => ({ headers: { authorization: `${API_KEY}\r\nx-injected: 1` } });
    const { error } = await failure(() => clientFor(server, { sign }).get());
    expect(error).toBeInstanceOf(InvalidRequestError);
    expect((error as Error).cause).toBeUndefined();
    expect(server.requests).toHaveLength(0);
  });
});
