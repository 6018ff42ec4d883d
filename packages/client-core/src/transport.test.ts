import { describe, expect, it } from 'vitest';
import { AbortedError, ApiConnectionError, ApiTimeoutError } from './errors.js';
import { createTransport, retryAfterMs } from './transport.js';

const NOW = Date.parse('2026-11-23T12:00:00Z');

function scripted(answers: (Response | Error | 'hang')[]) {
  const seen: Request[] = [];
  const fetch = async (request: Request) => {
    seen.push(request);
    const answer = answers[seen.length - 1] ?? new Response('{}');
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

  it('obeys x-should-retry', async () => {
    const io = scripted([new Response(null, { status: 503, headers: { 'x-should-retry': 'false' } })]);
    expect((await createTransport({ fetch: io.fetch, sleep: io.sleep }).send(post(), { retry: true })).status).toBe(503);
    expect(io.seen).toHaveLength(1);
  });

  it('prepares (signs) a fresh copy of the request for every try, body intact', async () => {
    const io = scripted([new Response(null, { status: 503 }), new Response('{}')]);
    let signatures = 0;
    const transport = createTransport({
      fetch: io.fetch,
      sleep: io.sleep,
      prepare: (request) => {
        const signed = new Request(request);
        signed.headers.set('authorization', `signature-${++signatures}`);
        return signed;
      },
    });
    await transport.send(post(), { retry: true });
    expect(io.seen.map((r) => r.headers.get('authorization'))).toEqual(['signature-1', 'signature-2']);
    expect(await Promise.all(io.seen.map((r) => r.text()))).toEqual(['{"a":1}', '{"a":1}']);
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

describe('retryAfterMs', () => {
  it.each([
    [{ 'retry-after': '0' }, 0],
    [{ 'retry-after': '1.5' }, 1500],
    [{ 'retry-after': '61' }, undefined],
    [{ 'retry-after': '-1' }, undefined],
    [{ 'retry-after': new Date(NOW + 10_000).toUTCString() }, 10_000],
    [{ 'retry-after-ms': '20', 'retry-after': '5' }, 20],
    [{ 'retry-after': 'soon' }, undefined],
  ])('%j -> %s', (headers, expected) => {
    expect(retryAfterMs(new Headers(headers), NOW)).toBe(expected);
  });
});
