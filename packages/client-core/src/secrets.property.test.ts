// Property: whatever goes wrong in a call (a header HTTP cannot carry, a bad base URL, no answer,
// a timeout, a refused redirect, a body too large or not JSON, a middleware or a fetch that throws
// anything), the call fails with a typed SignetError, and no secret it was given (an API key, a
// bearer token, a query value, a header value, a password in the base URL) appears in the error's
// message, stack, cause chain, `util.inspect` output or JSON, in any spelling a URL gives it.
import { inspect } from 'node:util';
import fc from 'fast-check';
import type { Middleware } from 'openapi-fetch';
import { describe, expect, it } from 'vitest';
import { createApiClient } from './client.js';
import { SignetError } from './errors.js';

interface Paths {
  '/items/{id}': {
    get: {
      parameters: { path: { id: string }; query?: { q?: string }; header?: { 'x-trace'?: string }; cookie?: never };
      requestBody?: never;
      responses: { 200: { headers: Record<string, unknown>; content: { 'application/json': { ok: boolean } } } };
    };
  };
}

const PLACEMENTS = ['api-key option', 'bearer middleware', 'query', 'header parameter', 'base URL password'] as const;
type Placement = (typeof PLACEMENTS)[number];

const FAULTS = [
  'line break in the value',
  'NUL in the value',
  'no scheme in the base URL',
  'no answer',
  'no answer, quoting what was sent',
  'timeout',
  'fetch ignores the abort',
  'redirect to another origin',
  'body too large',
  'body not JSON',
  'body breaks off',
  'middleware throws',
  'middleware builds a request with credentials',
  'fetch throws a RangeError',
  'fetch throws a non-Error',
  'fetch answers a non-Response',
] as const;
type Fault = (typeof FAULTS)[number];

/** Secrets as keys and tokens look: letters, digits and the Base64 punctuation a URL must escape. */
const secretArbitrary = fc.stringMatching(/^[A-Za-z0-9+/=]{12,24}$/).map((body) => `zqx${body}`);

/** A fetch that never answers: it rejects only when the request is aborted, as a real one does (at once, if it already is). */
const hang = (request: Request) =>
  new Promise<Response>((_resolve, reject) => {
    const abort = () => reject(new DOMException('This operation was aborted', 'AbortError'));
    if (request.signal.aborted) abort();
    else request.signal.addEventListener('abort', abort);
  });

/** What the fake network does for `fault`: the request it was handed, and the secret (for faults that quote it). */
function fetchFor(fault: Fault, secret: string): (request: Request) => Promise<Response> {
  return async (request) => {
    const sent = [...request.headers].map(([name, value]) => `${name}: ${value}`).join('; ');
    switch (fault) {
      case 'no answer':
        throw new TypeError('fetch failed', {
          cause: Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), { code: 'ECONNREFUSED' }),
        });
      case 'no answer, quoting what was sent':
        throw new TypeError('fetch failed', {
          cause: new AggregateError([new Error(`reset after ${sent} ${request.url}`)], `to ${request.url}`),
        });
      case 'timeout':
        return hang(request);
      case 'fetch ignores the abort':
        return new Promise<Response>(() => undefined);
      case 'redirect to another origin':
        return new Response(null, { status: 302, headers: { location: `https://elsewhere.test/landing?q=${encodeURIComponent(secret)}` } });
      case 'body too large':
        return new Response('{"ok":true,"padding":"................................"}', {
          headers: { 'content-type': 'application/json' },
        });
      case 'body not JSON':
        return new Response('<html>oops</html>', { headers: { 'content-type': 'application/json' } });
      case 'body breaks off':
        return new Response(
          new ReadableStream({
            start(controller) {
              controller.enqueue(new TextEncoder().encode('{"ok":'));
              controller.error(new Error(`socket hang up while reading for ${sent}`));
            },
          }),
        );
      case 'fetch throws a RangeError':
        throw new RangeError('Maximum call stack size exceeded');
      case 'fetch throws a non-Error':
        throw { request: { headers: sent, url: request.url } };
      case 'fetch answers a non-Response':
        return { status: 200, headers: sent } as unknown as Response;
      default:
        return Response.json({ ok: true });
    }
  };
}

/** The middleware the placement and fault call for. */
function middlewareFor(placement: Placement, fault: Fault, secret: string, value: string): Middleware[] {
  const middleware: Middleware[] = [];
  if (placement === 'bearer middleware') {
    middleware.push({
      onRequest({ request }) {
        request.headers.set('authorization', `Bearer ${value}`);
        return request;
      },
    });
  }
  if (fault === 'middleware throws') {
    middleware.push({
      onRequest({ request }) {
        throw new Error(`refused ${[...request.headers].map(([name, header]) => `${name}=${header}`).join(',')} for ${request.url}`);
      },
    });
  }
  if (fault === 'middleware builds a request with credentials') {
    middleware.push({ onRequest: ({ request }) => new Request(`https://robot:${encodeURIComponent(secret)}@api.test/`, request) });
  }
  return middleware;
}

/** Runs one call as `placement` and `fault` say; resolves with what it failed with (or `undefined` when it did not). */
async function failureOf(placement: Placement, fault: Fault, secret: string, viaRaw: boolean): Promise<unknown> {
  const value =
    fault === 'line break in the value' ? `${secret}\r\nX-Injected: 1` : fault === 'NUL in the value' ? `${secret}\u0000` : secret;
  try {
    const baseUrl =
      fault === 'no scheme in the base URL'
        ? 'api.test:4010'
        : placement === 'base URL password'
          ? `https://robot:${encodeURIComponent(value)}@api.test/v1`
          : 'https://api.test/v1';
    const api = createApiClient<Paths>({
      baseUrl,
      fetch: fetchFor(fault, secret),
      maxRetries: 1,
      timeoutMs: 20,
      maxResponseBytes: 32,
      sleep: async () => undefined,
      ...(placement === 'api-key option' && { headers: { 'x-api-key': value } }),
      middleware: middlewareFor(placement, fault, secret, value),
    });
    const params = {
      path: { id: 'item-1' },
      ...(placement === 'query' && { query: { q: value } }),
      ...(placement === 'header parameter' && { header: { 'x-trace': value } }),
    };
    if (viaRaw) {
      const { error, response } = await api.raw.GET('/items/{id}', { params });
      return response.ok ? undefined : { status: response.status, error };
    }
    await api.call(undefined, (init) => api.raw.GET('/items/{id}', { params, ...init }));
  } catch (error) {
    return error;
  }
  return undefined;
}

/** Everything a thrown error shows, down its cause chain: message, stack, String, inspect (hidden fields too) and JSON. */
function renderings(error: unknown): string {
  const shown: string[] = [inspect(error, { depth: 20, showHidden: true })];
  const seen = new Set<unknown>();
  const visit = (value: unknown, depth: number) => {
    if (value === null || typeof value !== 'object' || seen.has(value) || depth > 20) return;
    seen.add(value);
    const asError = value as Partial<Error> & { errors?: unknown };
    shown.push(String(asError.message), String(asError.stack), String(value));
    try {
      shown.push(JSON.stringify(value) ?? '');
    } catch {
      // A cycle: inspect above has shown it.
    }
    visit(asError.cause, depth + 1);
    if (Array.isArray(asError.errors)) for (const inner of asError.errors) visit(inner, depth + 1);
  };
  visit(error, 0);
  return shown.join('\n');
}

const spellings = (secret: string) => [secret, encodeURIComponent(secret), encodeURIComponent(secret).replace(/%2F/g, '/')];

describe('no secret in any client error (property)', () => {
  it('every fault, wherever the secret was given, through call and raw alike, is a typed error that shows no secret', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...PLACEMENTS),
        fc.constantFrom(...FAULTS),
        secretArbitrary,
        fc.boolean(),
        async (placement, fault, secret, viaRaw) => {
          const failure = await failureOf(placement, fault, secret, viaRaw);
          // A fault that reaches no code path of a raw call (a body it never reads in full) may succeed; nothing else may.
          if (failure === undefined) return;
          expect(failure, `${placement} / ${fault}${viaRaw ? ' (raw)' : ''}`).toBeInstanceOf(SignetError);
          const shown = renderings(failure);
          for (const spelling of spellings(secret)) expect(shown, `${placement} / ${fault}`).not.toContain(spelling);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('every fault fails every call made through call', async () => {
    for (const fault of FAULTS) {
      const failure = await failureOf('api-key option', fault, 'zqxSECRETsecret0123', false);
      expect(failure, fault).toBeInstanceOf(SignetError);
    }
  });
});
