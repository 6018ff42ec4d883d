import { describe, expect, it } from 'vitest';
import { ApiConnectionError, ApiResponseTooLargeError } from './errors.js';
import { createTransport } from './transport.js';
import { brokenBody, countedBody, post, scripted } from './transport.test-support.js';

describe('the body, read whole', () => {
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
