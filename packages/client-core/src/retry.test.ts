import { describe, expect, it } from 'vitest';
import { ApiConnectionError } from './errors.js';
import { backoffMs, isIdempotentMethod, retryAfterMs } from './retry.js';
import { createTransport } from './transport.js';
import { NOW, post, scripted } from './transport.test-support.js';

describe('which answers are tried again', () => {
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

  it('turns a missing answer into ApiConnectionError, retrying it only when allowed', async () => {
    const io = scripted([new TypeError('fetch failed'), new Response('{}')]);
    expect((await createTransport({ fetch: io.fetch, sleep: io.sleep }).send(post(), { retry: true })).status).toBe(200);
    const once = scripted([new TypeError('fetch failed')]);
    await expect(createTransport({ fetch: once.fetch, sleep: once.sleep }).send(post(), { retry: false })).rejects.toBeInstanceOf(
      ApiConnectionError,
    );
  });
});

describe('bounded retries', () => {
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

  it('backs off 0.5 s doubling up to 8 s, less up to a quarter of jitter', () => {
    expect([0, 1, 2, 3, 4, 5, 10].map((retry) => backoffMs(retry, () => 0))).toEqual([500, 1000, 2000, 4000, 8000, 8000, 8000]);
    expect(backoffMs(0, () => 0.999)).toBeCloseTo(375, 0);
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

describe('isIdempotentMethod', () => {
  it('treats GET, HEAD, OPTIONS, PUT and DELETE as repeatable, in any case, and POST and PATCH as not', () => {
    expect(['GET', 'head', 'OPTIONS', 'put', 'DELETE'].map(isIdempotentMethod)).toEqual([true, true, true, true, true]);
    expect(['POST', 'patch'].map(isIdempotentMethod)).toEqual([false, false]);
  });
});
