import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import {
  AbortedError,
  ApiConnectionError,
  ApiRedirectError,
  ApiResponseTooLargeError,
  ApiTimeoutError,
  InvalidRequestError,
} from './errors.js';
import { createTransport, requestConstructionError, retryAfterMs } from './transport.js';

const NOW = Date.parse('2026-11-23T12:00:00Z');

type Answer = Response | Error | 'hang' | ((request: Request) => Response);

function scripted(answers: Answer[]) {
  const seen: Request[] = [];
  const fetch = async (request: Request) => {
    seen.push(request);
    const next = answers[seen.length - 1] ?? new Response('{}');
    const answer = typeof next === 'function' ? next(request) : next;
    if (answer === 'hang') {
      return new Promise<Response>((_resolve, reject) =>
        request.signal.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))),
      );
    }
    if (answer instanceof Error) throw answer;
    return answer;
  };
  const delays: number[] = [];
  const sleep = async (ms: number) => {
    delays.push(ms);
  };
  return { fetch, seen, delays, sleep };
}

const post = () => new Request('https://api.test/jobs', { method: 'POST', body: '{"a":1}' });

describe('createTransport', () => {
  it('retries 408, 429 and 5xx, honouring Retry-After, and returns the final answer', async () => {
    const io = scripted([
      new Response(null, { status: 429, headers: { 'retry-after': '3' } }),
      new Response(null, { status: 503, headers: { 'retry-after-ms': '250' } }),
      new Response('{"ok":true}', { status: 200 }),
    ]);
    const transport = createTransport({ fetch: io.fetch, sleep: io.sleep, retryAfterClock: () => NOW });
    const response = await transport.send(post(), { retry: true });
    expect(await response.json()).toEqual({ ok: true });
    expect(io.delays).toEqual([3000, 250]);
  });

  it('falls back to jittered exponential backoff when Retry-After is absent or beyond 60 s', async () => {
    const io = scripted([
      new Response(null, { status: 500 }),
      new Response(null, { status: 502, headers: { 'retry-after': '120' } }),
      new Response(null, { status: 504 }),
    ]);
    const transport = createTransport({ fetch: io.fetch, sleep: io.sleep, random: () => 0.5, maxRetries: 2 });
    const response = await transport.send(post(), { retry: true });
    expect(response.status).toBe(504);
    expect(io.delays).toEqual([500 * 0.875, 1000 * 0.875]);
    expect(io.seen).toHaveLength(3);
  });

  it('does not retry 4xx answers other than 408 and 429, nor anything when retry is false', async () => {
    const notFound = scripted([new Response(null, { status: 404 })]);
    expect((await createTransport({ fetch: notFound.fetch, sleep: notFound.sleep }).send(post(), { retry: true })).status).toBe(404);
    const busy = scripted([new Response(null, { status: 503 }), new Response('{}')]);
    expect((await createTransport({ fetch: busy.fetch, sleep: busy.sleep }).send(post(), { retry: false })).status).toBe(503);
    expect(busy.seen).toHaveLength(1);
  });

  it('asks a retry function once, only after a failure a repeat could mend, with a Request of what was sent', async () => {
    const asked: string[] = [];
    const retry = async (request: Request) => {
      asked.push(`${request.method} ${request.url} ${await request.clone().text()}`);
    };
    const pending: Promise<void>[] = [];
    const decide = (request: Request) => {
      pending.push(retry(request));
      return true;
    };
    const fine = scripted([new Response('{}'), new Response(null, { status: 404 })]);
    const transport = createTransport({ fetch: fine.fetch, sleep: fine.sleep });
    await transport.send(post(), { retry: decide });
    expect((await transport.send(post(), { retry: decide })).status).toBe(404);
    expect(pending).toHaveLength(0);

    const flaky = scripted([new Response(null, { status: 503 }), new TypeError('fetch failed'), new Response('{"ok":true}')]);
    const response = await createTransport({ fetch: flaky.fetch, sleep: flaky.sleep }).send(post(), { retry: decide });
    await Promise.all(pending);
    expect(await response.json()).toEqual({ ok: true });
    expect(asked).toEqual(['POST https://api.test/jobs {"a":1}']);

    const refused = scripted([new Response(null, { status: 503 }), new Response('{}')]);
    const answer = await createTransport({ fetch: refused.fetch, sleep: refused.sleep }).send(post(), { retry: () => false });
    expect(answer.status).toBe(503);
    expect(refused.seen).toHaveLength(1);
  });

  it('obeys x-should-retry', async () => {
    const io = scripted([new Response(null, { status: 503, headers: { 'x-should-retry': 'false' } })]);
    expect((await createTransport({ fetch: io.fetch, sleep: io.sleep }).send(post(), { retry: true })).status).toBe(503);
    expect(io.seen).toHaveLength(1);
  });

  it('signs every try anew, body intact', async () => {
    const io = scripted([new Response(null, { status: 503 }), new Response('{}')]);
    let signatures = 0;
    const transport = createTransport({
      fetch: io.fetch,
      sleep: io.sleep,
      sign: () => ({ headers: { authorization: `signature-${++signatures}` } }),
    });
    await transport.send(post(), { retry: true });
    expect(io.seen.map((r) => r.headers.get('authorization'))).toEqual(['signature-1', 'signature-2']);
    expect(await Promise.all(io.seen.map((r) => r.text()))).toEqual(['{"a":1}', '{"a":1}']);
  });

  it('hands the signer the exact parts of the hop, and sends the body it answers instead on that hop only', async () => {
    const io = scripted([new Response(null, { status: 307, headers: { location: '/jobs/2' } }), new Response('{}')]);
    const seen: { method: string; url: string; type: string | null; body: string }[] = [];
    const transport = createTransport({
      fetch: io.fetch,
      sign: ({ method, url, headers, body }) => {
        const text = typeof body === 'string' ? body : new TextDecoder().decode(body);
        seen.push({ method, url: url.href, type: headers.get('content-type'), body: text });
        return seen.length === 1 ? { headers: { 'x-hop': '1' }, body: '{"a":2}' } : { headers: { 'x-hop': '2' } };
      },
    });
    const request = new Request('https://api.test/jobs', {
      method: 'POST',
      body: '{"a":1}',
      headers: { 'content-type': 'application/json' },
    });
    await transport.send(request, { retry: false });
    expect(seen).toEqual([
      { method: 'POST', url: 'https://api.test/jobs', type: 'application/json', body: '{"a":1}' },
      { method: 'POST', url: 'https://api.test/jobs/2', type: 'application/json', body: '{"a":1}' },
    ]);
    expect(await Promise.all(io.seen.map((r) => r.text()))).toEqual(['{"a":2}', '{"a":1}']);
    expect(io.seen.map((r) => [r.headers.get('x-hop'), r.redirect, r.signal.aborted])).toEqual([
      ['1', 'manual', false],
      ['2', 'manual', false],
    ]);
  });

  it('ends the call, sending nothing, when the signer throws', async () => {
    const io = scripted([new Response('{}')]);
    const refused = new Error('no canonical form');
    const transport = createTransport({
      fetch: io.fetch,
      sign: () => {
        throw refused;
      },
    });
    await expect(transport.send(post(), { retry: true })).rejects.toBe(refused);
    expect(io.seen).toHaveLength(0);
  });

  it('calls the global fetch, looked up on every try, with the URL and an init that never follows redirects', async () => {
    const original = globalThis.fetch;
    const calls: { url: unknown; init: RequestInit | undefined }[] = [];
    try {
      globalThis.fetch = async (url: string | URL | Request, init?: RequestInit) => {
        calls.push({ url, init });
        return calls.length === 1 ? new Response(null, { status: 503 }) : new Response('{"ok":true}');
      };
      const transport = createTransport({ sleep: async () => {}, sign: () => ({ headers: { authorization: `sig-${calls.length + 1}` } }) });
      const response = await transport.send(post(), { retry: true });
      expect(await response.json()).toEqual({ ok: true });
    } finally {
      globalThis.fetch = original;
    }
    expect(calls).toHaveLength(2);
    for (const [index, { url, init }] of calls.entries()) {
      expect(String(url)).toBe('https://api.test/jobs');
      expect(init?.redirect).toBe('manual');
      expect(init?.method).toBe('POST');
      expect(init?.signal).toBeInstanceOf(AbortSignal);
      expect(new Headers(init?.headers).get('authorization')).toBe(`sig-${index + 1}`);
      expect(await new Response(init?.body).text()).toBe('{"a":1}');
    }
  });

  it('turns a missing answer into ApiConnectionError, retrying it only when allowed', async () => {
    const io = scripted([new TypeError('fetch failed'), new Response('{}')]);
    expect((await createTransport({ fetch: io.fetch, sleep: io.sleep }).send(post(), { retry: true })).status).toBe(200);
    const once = scripted([new TypeError('fetch failed')]);
    await expect(createTransport({ fetch: once.fetch, sleep: once.sleep }).send(post(), { retry: false })).rejects.toBeInstanceOf(
      ApiConnectionError,
    );
  });

  it('times a try out with ApiTimeoutError', async () => {
    const io = scripted(['hang', 'hang']);
    const transport = createTransport({ fetch: io.fetch, sleep: io.sleep, timeoutMs: 20, maxRetries: 1 });
    await expect(transport.send(post(), { retry: true })).rejects.toMatchObject({ code: 'ERR_API_TIMEOUT', timeoutMs: 20 });
    expect(io.seen).toHaveLength(2);
    const once = scripted(['hang']);
    await expect(createTransport({ fetch: once.fetch, timeoutMs: 5 }).send(post(), { retry: false })).rejects.toBeInstanceOf(
      ApiTimeoutError,
    );
    expect(once.seen).toHaveLength(1);
  });

  it("stops at once on the caller's abort, without retrying", async () => {
    const io = scripted(['hang']);
    const controller = new AbortController();
    const request = new Request('https://api.test/jobs', { signal: controller.signal });
    const sending = createTransport({ fetch: io.fetch, sleep: io.sleep }).send(request, { retry: true });
    setTimeout(() => controller.abort(), 5);
    await expect(sending).rejects.toBeInstanceOf(AbortedError);
    expect(io.seen).toHaveLength(1);
  });
});

const SECRET = 'sk-live-7Hq2TOPSECRETvalue';
const encode = (text: string) => new TextEncoder().encode(text);

/** A body that sends `first` and then nothing, ignoring every abort: only the transport can end the wait. */
function stalledBody(first = '{"ok":') {
  return new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encode(first));
    },
  });
}

/** A body that sends `first`, then breaks with `error`, as undici's does on a reset or a truncated body. */
function brokenBody(error: Error, first = '{"ok":') {
  let sent = false;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent) return controller.error(error);
      sent = true;
      controller.enqueue(encode(first));
    },
  });
}

/** `chunks` chunks of `size` zero bytes (finite, so that a transport that never reads it cannot run away), recording how many were pulled and whether it was cancelled. */
function countedBody(size: number, chunks = Number.POSITIVE_INFINITY) {
  const state = { pulled: 0, cancelled: false, finished: false };
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (state.pulled === chunks) {
        state.finished = true;
        return controller.close();
      }
      state.pulled++;
      controller.enqueue(new Uint8Array(size));
    },
    cancel() {
      state.cancelled = true;
    },
  });
  return { stream, state };
}

describe('the whole exchange, body included, within the deadline and the signal', () => {
  it('resolves with the body already read, keeping status, headers and url', async () => {
    const body = countedBody(4, 3);
    const io = scripted([
      new Response(body.stream, { status: 201, headers: { 'x-request-id': 'r-1', 'content-type': 'application/json' } }),
    ]);
    const response = await createTransport({ fetch: io.fetch }).send(post(), { retry: false });
    expect(body.state.finished).toBe(true);
    expect(response.status).toBe(201);
    expect(response.headers.get('x-request-id')).toBe('r-1');
    expect(response.url).toBe('https://api.test/jobs');
    expect((await response.arrayBuffer()).byteLength).toBe(12);
  });

  it('times out a body that stalls after the headers', async () => {
    const io = scripted([new Response(stalledBody()), new Response(stalledBody())]);
    const started = Date.now();
    const transport = createTransport({ fetch: io.fetch, sleep: io.sleep, timeoutMs: 30, maxRetries: 1 });
    await expect(transport.send(post(), { retry: true })).rejects.toMatchObject({ code: ApiTimeoutError.code, timeoutMs: 30 });
    expect(io.seen).toHaveLength(2);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it("stops on the caller's abort while the body streams", async () => {
    const io = scripted([new Response(stalledBody())]);
    const controller = new AbortController();
    const sending = createTransport({ fetch: io.fetch, sleep: io.sleep }).send(post(), { retry: true, signal: controller.signal });
    setTimeout(() => controller.abort(), 10);
    await expect(sending).rejects.toBeInstanceOf(AbortedError);
    expect(io.seen).toHaveLength(1);
  });

  it('turns a body cut off mid-way into ApiConnectionError naming the host, retried like a connection failure', async () => {
    const io = scripted([new Response(brokenBody(new TypeError('terminated'))), new Response('{"ok":true}')]);
    const response = await createTransport({ fetch: io.fetch, sleep: io.sleep }).send(post(), { retry: true });
    expect(await response.json()).toEqual({ ok: true });
    expect(io.seen).toHaveLength(2);

    const once = scripted([new Response(brokenBody(new TypeError('terminated')))]);
    const failure = await createTransport({ fetch: once.fetch, sleep: once.sleep })
      .send(post(), { retry: false })
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ApiConnectionError);
    expect(failure).toMatchObject({ host: 'api.test', message: expect.stringContaining('api.test') });
    expect(once.seen).toHaveLength(1);
  });
});

describe('the answer, read from memory', () => {
  const answer = async (
    body: BodyInit | null = '{"ok":true}',
    init: ResponseInit = { headers: { 'content-type': 'application/json' } },
  ) => {
    const io = scripted([new Response(body, init)]);
    return createTransport({ fetch: io.fetch }).send(post(), { retry: false });
  };

  it('is a Response that reads its body once, by any method', async () => {
    for (const read of ['text', 'json', 'arrayBuffer', 'blob', 'bytes', 'formData'] as const) {
      const response = await answer();
      expect(response).toBeInstanceOf(Response);
      expect(response.bodyUsed).toBe(false);
      if (read === 'formData') await expect(response.formData()).rejects.toBeInstanceOf(TypeError);
      else await response[read]();
      expect(response.bodyUsed).toBe(true);
      await expect(response.text()).rejects.toBeInstanceOf(TypeError);
      expect(() => response.clone()).toThrow(TypeError);
    }
  });

  it('answers each method as fetch would', async () => {
    expect(await (await answer()).json()).toEqual({ ok: true });
    expect(await (await answer('\ufeffé')).text()).toBe('é');
    expect(new Uint8Array(await (await answer('ab')).arrayBuffer())).toEqual(new Uint8Array([97, 98]));
    const blob = await (await answer()).blob();
    expect([blob.type, await blob.text()]).toEqual(['application/json', '{"ok":true}']);
    const form = new URLSearchParams({ a: '1' });
    expect((await (await answer(form, {})).formData()).get('a')).toBe('1');
    await expect((await answer('')).json()).rejects.toBeInstanceOf(SyntaxError);
  });

  it('streams its body when asked, and clones with status, headers and url', async () => {
    const response = await answer('{"ok":true}', { status: 201, headers: { 'x-request-id': 'r-1' } });
    const copy = response.clone();
    expect([copy.status, copy.headers.get('x-request-id'), copy.url]).toEqual([201, 'r-1', 'https://api.test/jobs']);
    expect(await new Response(response.body).text()).toBe('{"ok":true}');
    expect(response.bodyUsed).toBe(true);
    await expect(response.json()).rejects.toBeInstanceOf(TypeError);
    expect(await copy.json()).toEqual({ ok: true });
    const streamed = await answer();
    expect(streamed.body).toBeInstanceOf(ReadableStream);
    const streamedCopy = streamed.clone();
    expect([streamedCopy.url, await streamedCopy.text(), await streamed.text()]).toEqual([
      'https://api.test/jobs',
      '{"ok":true}',
      '{"ok":true}',
    ]);
  });

  it('has no body for a status without one', async () => {
    const response = await answer(null, { status: 204 });
    expect(response.body).toBeNull();
    expect(await response.text()).toBe('');
  });
});

describe('maxResponseBytes', () => {
  it('refuses a declared content-length over the limit without reading the body', async () => {
    const body = countedBody(1024, 2000);
    const io = scripted([new Response(body.stream, { headers: { 'content-length': String(200 * 1024 * 1024) } })]);
    const failure = await createTransport({ fetch: io.fetch, sleep: io.sleep, maxResponseBytes: 1024 })
      .send(post(), { retry: true })
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ApiResponseTooLargeError);
    expect(failure).toMatchObject({ code: 'ERR_API_RESPONSE_TOO_LARGE', limit: 1024, status: 200, host: 'api.test' });
    expect(body.state.pulled).toBeLessThanOrEqual(1);
    expect(body.state.cancelled).toBe(true);
    expect(io.seen).toHaveLength(1);
  });

  it('counts a body without content-length while it streams and drops it once past the limit', async () => {
    const body = countedBody(1000, 2000);
    const io = scripted([new Response(body.stream)]);
    const transport = createTransport({ fetch: io.fetch, sleep: io.sleep, maxResponseBytes: 10_000 });
    await expect(transport.send(post(), { retry: true })).rejects.toBeInstanceOf(ApiResponseTooLargeError);
    expect(body.state.cancelled).toBe(true);
    expect(body.state.pulled).toBeLessThanOrEqual(13);
  });

  it('accepts a body of exactly the limit, and defaults to 16 MiB', async () => {
    const io = scripted([new Response(countedBody(1000, 10).stream), new Response(new Uint8Array(16 * 1024 * 1024 + 1))]);
    const transport = createTransport({ fetch: io.fetch, maxResponseBytes: 10_000 });
    expect((await (await transport.send(post(), { retry: false })).arrayBuffer()).byteLength).toBe(10_000);
    // Settled to a plain value, so that a failure does not print 16 MiB of body.
    const outcome = await createTransport({ fetch: io.fetch })
      .send(post(), { retry: false })
      .then(
        () => 'resolved',
        (error: unknown) => error,
      );
    expect(outcome).toBeInstanceOf(ApiResponseTooLargeError);
  });
});

describe('redirects', () => {
  const redirect = (status: number, location: string) => new Response(null, { status, headers: { location } });
  const signing = (io: ReturnType<typeof scripted>) => {
    let signatures = 0;
    return createTransport({
      fetch: io.fetch,
      sleep: io.sleep,
      sign: () => ({ headers: { authorization: `signature-${++signatures}` } }),
    });
  };

  it('follows a same-origin 307 with method and body, preparing every hop anew', async () => {
    const io = scripted([redirect(307, '/jobs/2'), new Response('{"ok":true}')]);
    const response = await signing(io).send(post(), { retry: false });
    expect(io.seen.map((r) => `${r.method} ${r.url} ${r.headers.get('authorization')}`)).toEqual([
      'POST https://api.test/jobs signature-1',
      'POST https://api.test/jobs/2 signature-2',
    ]);
    expect(await Promise.all(io.seen.map((r) => r.text()))).toEqual(['{"a":1}', '{"a":1}']);
    expect(response.url).toBe('https://api.test/jobs/2');
    expect(response.redirected).toBe(true);
  });

  it('continues a 303 as a GET without the body or its content headers', async () => {
    const io = scripted([redirect(303, 'https://api.test/jobs/2/result'), new Response('{}')]);
    const request = new Request('https://api.test/jobs', {
      method: 'POST',
      body: '{"a":1}',
      headers: { 'content-type': 'application/json' },
    });
    await signing(io).send(request, { retry: false });
    const [, second] = io.seen;
    expect(second?.method).toBe('GET');
    expect(second?.body).toBeNull();
    expect(second?.headers.get('content-type')).toBeNull();
    expect(second?.headers.get('authorization')).toBe('signature-2');
  });

  it.each([
    ['https://evil.test:8443/steal?token=abc', 'https://evil.test:8443'],
    ['http://api.test/jobs?token=abc', 'http://api.test'],
    ['https://api.test:444/jobs?token=abc', 'https://api.test:444'],
  ])('refuses a redirect to another origin (%s), naming only the origin', async (location, origin) => {
    const io = scripted([redirect(302, location), new Response('{}')]);
    const failure = await signing(io)
      .send(post(), { retry: true })
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ApiRedirectError);
    expect(failure).toMatchObject({ code: 'ERR_API_REDIRECT', reason: 'cross-origin', status: 302, targetOrigin: origin });
    expect((failure as Error).message).toContain(origin);
    expect((failure as Error).message).not.toMatch(/token|steal|abc/);
    expect(io.seen).toHaveLength(1);
  });

  it('refuses a loop, and more than 5 hops', async () => {
    const loop = scripted([redirect(302, '/b'), redirect(302, '/jobs'), new Response('{}')]);
    const get = () => new Request('https://api.test/jobs');
    await expect(signing(loop).send(get(), { retry: true })).rejects.toMatchObject({ reason: 'loop' });
    expect(loop.seen).toHaveLength(2);

    const chain = scripted(Array.from({ length: 10 }, (_, hop) => redirect(301, `/hop/${hop + 1}`)));
    await expect(signing(chain).send(get(), { retry: true })).rejects.toMatchObject({ reason: 'too-many' });
    expect(chain.seen).toHaveLength(6);
  });

  it("refuses a browser's opaque redirect, whose target cannot be checked", async () => {
    const opaque = Object.defineProperty(new Response(null, { status: 200 }), 'type', { value: 'opaqueredirect' });
    const io = scripted([opaque]);
    await expect(createTransport({ fetch: io.fetch }).send(post(), { retry: false })).rejects.toMatchObject({ reason: 'hidden' });
  });

  it('never lets fetch follow a redirect, whatever the request handed over says', async () => {
    const io = scripted([new Response('{}')]);
    const transport = createTransport({ fetch: io.fetch, sign: () => ({ headers: { authorization: 'signature' } }) });
    await transport.send(new Request('https://api.test/jobs', { redirect: 'follow' }), { retry: false });
    expect(io.seen[0]?.redirect).toBe('manual');
  });

  it('returns a 3xx without Location as an answer', async () => {
    const io = scripted([new Response(null, { status: 302 })]);
    expect((await createTransport({ fetch: io.fetch }).send(post(), { retry: false })).status).toBe(302);
  });
});

describe('no secret in any error', () => {
  const withSecret = () =>
    new Request(`https://api.test/jobs?token=${SECRET}-query`, { method: 'POST', body: '{}', headers: { 'x-api-key': SECRET } });

  it('maps an invalid header value to InvalidRequestError naming no value, with no cause', async () => {
    const io = scripted([new Response('{}')]);
    const transport = createTransport({
      fetch: io.fetch,
      sign: () => ({ headers: { authorization: `${SECRET}\nX-Injected: 1` } }),
    });
    const failure = await transport.send(withSecret(), { retry: true }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(InvalidRequestError);
    expect(failure).toMatchObject({ field: 'headers' });
    expect((failure as Error).cause).toBeUndefined();
    expect(inspect(failure, { depth: 10 })).not.toContain(SECRET);
    expect(io.seen).toHaveLength(0);
  });

  it("keeps a network failure's cause, with every header value and the query redacted", async () => {
    const inner = Object.assign(new Error(`socket to api.test sent x-api-key: ${SECRET}; GET /jobs?token=${SECRET}-query`), {
      code: 'ECONNRESET',
      headers: { 'x-api-key': SECRET },
    });
    const io = scripted([new TypeError('fetch failed', { cause: new AggregateError([inner], `all attempts failed (${SECRET})`) })]);
    const failure = await createTransport({ fetch: io.fetch })
      .send(withSecret(), { retry: false })
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ApiConnectionError);
    expect((failure as Error).message).toBe('no HTTP response from api.test');
    const shown = inspect(failure, { depth: 10 });
    expect(shown).not.toContain(SECRET);
    expect(shown).toContain('ECONNRESET');
    expect(((failure as Error).cause as Error).name).toBe('TypeError');
  });

  it('requestConstructionError recognises what undici throws for a bad header or URL, and nothing else', () => {
    const thrown = (build: () => unknown) => {
      try {
        build();
      } catch (error) {
        return error;
      }
      throw new Error('nothing thrown');
    };
    const badValue = thrown(() => new Headers().set('x-api-key', `${SECRET}\r\nX-Injected: 1`));
    const wideValue = thrown(() => new Request('https://api.test', { headers: { 'x-api-key': `${SECRET}€` } }));
    const badName = thrown(() => new Headers({ 'x api key': SECRET }));
    const credentials = thrown(() => new Request(`https://user:${SECRET}@api.test/`));
    for (const error of [badValue, wideValue, badName]) {
      expect(requestConstructionError(error)).toMatchObject({ field: 'headers' });
      expect(requestConstructionError(error)?.cause).toBeUndefined();
    }
    expect(requestConstructionError(credentials)).toMatchObject({ field: 'url' });
    for (const error of [badValue, wideValue, badName, credentials]) expect(inspect(requestConstructionError(error))).not.toContain(SECRET);
    expect(requestConstructionError(new TypeError('fetch failed'))).toBeUndefined();
    expect(requestConstructionError(new Error('invalid header value'))).toBeUndefined();
  });
});

describe('bounded retries', () => {
  it.each([
    [{ timeoutMs: Number.POSITIVE_INFINITY }, 'timeoutMs'],
    [{ timeoutMs: Number.NaN }, 'timeoutMs'],
    [{ timeoutMs: 0 }, 'timeoutMs'],
    [{ timeoutMs: 2 ** 31 }, 'timeoutMs'],
    [{ maxRetries: Number.POSITIVE_INFINITY }, 'maxRetries'],
    [{ maxRetries: -1 }, 'maxRetries'],
    [{ maxRetries: 1.5 }, 'maxRetries'],
    [{ maxResponseBytes: Number.NaN }, 'maxResponseBytes'],
  ])('refuses %j, which would unbound a try or a storm', async (options, field) => {
    expect(() => createTransport(options)).toThrow(expect.objectContaining({ code: 'ERR_INVALID_REQUEST', field }));
    const io = scripted([new Response('{}')]);
    const { maxResponseBytes: _ignored, ...perCall } = options as { maxResponseBytes?: number };
    if (Object.keys(perCall).length > 0) {
      await expect(createTransport({ fetch: io.fetch }).send(post(), { retry: true, ...perCall })).rejects.toMatchObject({ field });
      expect(io.seen).toHaveLength(0);
    }
  });

  it('ends a Retry-After storm after maxRetries, each wait at most 60 s', async () => {
    const storm = (retryAfter: string) => new Response(null, { status: 429, headers: { 'retry-after': retryAfter } });
    const io = scripted([
      storm('60'),
      new Response(null, { status: 503, headers: { 'retry-after': new Date(NOW + 30_000).toUTCString() } }),
      storm('86400'),
      storm('1'),
      storm('1'),
    ]);
    const transport = createTransport({ fetch: io.fetch, sleep: io.sleep, random: () => 0, retryAfterClock: () => NOW, maxRetries: 3 });
    const response = await transport.send(post(), { retry: true });
    expect(response.status).toBe(429);
    expect(io.seen).toHaveLength(4);
    expect(io.delays).toEqual([60_000, 30_000, 2_000]);
  });
});

describe('retryAfterMs', () => {
  it.each([
    [{ 'retry-after': '0' }, 0],
    [{ 'retry-after': '1.5' }, 1500],
    [{ 'retry-after': '61' }, undefined],
    [{ 'retry-after': '-1' }, undefined],
    [{ 'retry-after': new Date(NOW + 10_000).toUTCString() }, 10_000],
    [{ 'retry-after-ms': '20', 'retry-after': '5' }, 20],
    [{ 'retry-after': 'soon' }, undefined],
    [{ 'retry-after': '+5' }, undefined],
    [{ 'retry-after-ms': '', 'retry-after': '2' }, 2000],
    [{ 'retry-after': 'Mon, 23 Nov 2026 12:00:59 GMT' }, 59_000],
  ])('%j -> %s', (headers, expected) => {
    expect(retryAfterMs(new Headers(headers), NOW)).toBe(expected);
  });
});
