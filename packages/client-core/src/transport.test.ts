import { describe, expect, it } from 'vitest';
import { AbortedError, ApiTimeoutError } from './errors.js';
import { createTransport } from './transport.js';
import { post, scripted, stalledBody } from './transport.test-support.js';

describe('createTransport', () => {
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
    // An error of the signer's own that is no SignetError becomes a typed one; a copy of it is the cause.
    const failure = await transport.send(post(), { retry: true }).catch((error: unknown) => error);
    expect(failure).toMatchObject({ code: 'ERR_INVALID_REQUEST', field: 'sign', cause: { message: 'no canonical form' } });
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

  it('times a try out even when the fetch ignores the abort and never settles', async () => {
    const transport = createTransport({ fetch: () => new Promise<Response>(() => undefined), timeoutMs: 20, maxRetries: 0 });
    await expect(transport.send(post(), { retry: false })).rejects.toMatchObject({ code: 'ERR_API_TIMEOUT', timeoutMs: 20 });
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

describe('the whole exchange within the deadline and the signal', () => {
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
});

describe('options that would unbound a call', () => {
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
});
