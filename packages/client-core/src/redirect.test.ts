import { describe, expect, it } from 'vitest';
import { ApiRedirectError } from './errors.js';
import { redirectTarget } from './redirect.js';
import { createTransport } from './transport.js';
import { post, scripted } from './transport.test-support.js';

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

describe('redirectTarget', () => {
  const from = new URL('https://api.test:8443/v1/jobs?x=1');

  it('resolves a relative Location against the hop it answered', () => {
    expect(redirectTarget('../v2/jobs', from, 302).href).toBe('https://api.test:8443/v2/jobs');
    expect(redirectTarget('//api.test:8443/v3', from, 308).href).toBe('https://api.test:8443/v3');
  });

  it.each([
    ['http://api.test:8443/v1', 'cross-origin'],
    ['data:text/plain,hi', 'cross-origin'],
    ['https://user:pw@api.test:8443/v1', 'invalid-location'],
    ['https://[::1', 'invalid-location'],
  ])('refuses %s (%s)', (location, reason) => {
    expect(() => redirectTarget(location, from, 302)).toThrow(expect.objectContaining({ reason }));
  });
});
