import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { type MockServer, startMockServer } from './index.js';
import { simplePath } from './node.js';

const ORIGIN = 'http://127.0.0.1:4010';

/** A small deterministic generator (xorshift), so a failure names its seed and reproduces. */
function generator(seed: number) {
  let state = seed >>> 0 || 1;
  return (n: number) => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) % n;
  };
}

// Everything the URL parser treats specially in a path, next to the characters it leaves alone.
const PIECES = [
  ..."abcXYZ019-._~!$&'()*+,;=:@",
  '/',
  '/',
  '.',
  '..',
  '%',
  '%2e',
  '%2E',
  '%41',
  '%zz',
  '\\',
  '#',
  '?',
  '?a=1&b',
  ' ',
  '"',
  '<',
  '>',
  '^',
  '`',
  '{',
  '|',
  '}',
  '[',
  ']',
  'é',
  '\t',
];

describe('simplePath (routing on the target without parsing the URL)', () => {
  it('is the pathname the URL parser gives, whenever it answers', () => {
    let answered = 0;
    for (let seed = 1; seed <= 20_000; seed++) {
      const next = generator(seed);
      let target = '/';
      const length = next(12);
      for (let i = 0; i < length; i++) target += PIECES[next(PIECES.length)];
      const path = simplePath(target);
      if (path === undefined) continue;
      answered += 1;
      expect({ seed, target, path }).toEqual({ seed, target, path: new URL(`${ORIGIN}${target}`).pathname });
    }
    // The generator must reach the fast path often enough for the check to mean something.
    expect(answered).toBeGreaterThan(2_000);
  });

  it.each([
    ['/digital-try-on/v1/uploaded_images/user_image-1', '/digital-try-on/v1/uploaded_images/user_image-1'],
    ['/openapi/v1.0/task/info', '/openapi/v1.0/task/info'],
    ['/v1/sku_items?limit=20&cursor=a%20b', '/v1/sku_items'],
    ['/v1/sku_items/a%2Fb', '/v1/sku_items/a%2Fb'],
    ['//host/path', '//host/path'],
  ])('takes the common target %s as %s', (target, path) => {
    expect(simplePath(target)).toBe(path);
    expect(new URL(`${ORIGIN}${target}`).pathname).toBe(path);
  });

  it.each(['/a/../b', '/a/./b', '/%2e%2e/b', '/.%2E/b', '/a/.', '/a\\b', '/a b', '/é', '/a#b', '/a?b#c', '*', 'http://127.0.0.1/a'])(
    'leaves %s to the URL parser',
    (target) => {
      expect(simplePath(target)).toBeUndefined();
    },
  );
});

describe('the node:http adapter', () => {
  let server: MockServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  const send = (
    url: string,
    options: { method?: string; headers?: Record<string, string>; body?: string; path?: string } = {},
  ): Promise<{ status: number; headers: IncomingHttpHeaders; body: string }> =>
    new Promise((resolve, reject) => {
      const target = new URL(url);
      const request = httpRequest(
        {
          host: target.hostname,
          port: target.port,
          path: options.path ?? `${target.pathname}${target.search}`,
          method: options.method ?? 'GET',
          headers: options.headers,
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () =>
            resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks).toString('utf8') }),
          );
        },
      );
      request.on('error', reject);
      request.end(options.body);
    });

  it('routes a target the URL parser normalizes as it did before (dot segments, backslashes)', async () => {
    server = await startMockServer();
    const key = { 'x-api-key': server.credentials.aiuta.apiKey };
    const direct = await send(`${server.baseUrls.aiuta}/predefined_try_on_models`, { headers: key });
    const prefix = new URL(server.baseUrls.aiuta).pathname;
    for (const path of [
      `${prefix}/x/../predefined_try_on_models`,
      `${prefix}/./predefined_try_on_models`,
      `${prefix}/x/%2e%2e/predefined_try_on_models`,
    ]) {
      const viaParser = await send(server.url, { path, headers: key });
      expect({ path, status: viaParser.status, body: viaParser.body }).toEqual({ path, status: direct.status, body: direct.body });
    }
    expect(direct.status).toBe(200);
  });

  it('keeps the connection for a request answered at once, and closes it when a declared body was left unread', async () => {
    server = await startMockServer({ maxBodyBytes: 16 });
    const key = { 'x-api-key': server.credentials.aiuta.apiKey };
    const read = await send(`${server.baseUrls.aiuta}/predefined_try_on_models`, { headers: key });
    expect(read.status).toBe(200);
    expect(read.headers.connection).toBe('keep-alive');
    const tooLarge = await send(`${server.baseUrls.aiuta}/sku_images_operations`, {
      method: 'POST',
      headers: { ...key, 'content-type': 'application/json' },
      body: JSON.stringify({ uploaded_image_id: 'model_woman_00', sku_ids: ['a-rather-long-sku-id'] }),
    });
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.headers.connection).toBe('close');
  });

  it('reads the query only when a handler asks for it, and reads it right', async () => {
    server = await startMockServer();
    const key = { 'x-api-key': server.credentials.aiuta.apiKey };
    const page = await send(`${server.baseUrls['aiuta-unified']}/sku_items?limit=0`, { headers: key });
    // limit=0 is below the minimum: refused, so the query reached the handler.
    expect(page.status).toBe(422);
  });
});
