// Issue 11: the mock answers every client mistake with a 4xx in the vendor's shape, never 500, never a crash.
import { request as httpRequest } from 'node:http';
import { apiKeyAuth, createAiutaClient } from '@signet/aiuta';
import { issueAiutaJwt, signVidauRequest } from '@signet/auth';
import { createVidauClient } from '@signet/vidau';
import { afterEach, describe, expect, it } from 'vitest';
import { createMockFetch, type MockServer, type MockServerOptions, startMockServer } from './index.js';

const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4]);
const FAST = { tryOn: { queuedMs: 5, runningMs: 10 }, video: { renderMs: 50 } } satisfies MockServerOptions;
const QUICK_POLL = { intervalMs: () => 5, timeoutMs: 5000 };
const PARAMS = { voice_id: 'v', avatar_id: 7, text: 'Hello', language: 'English' };

let mock: MockServer | undefined;
afterEach(async () => {
  await mock?.close();
  mock = undefined;
});

async function start(options: MockServerOptions = {}): Promise<MockServer> {
  mock = await startMockServer({ ...FAST, ...options });
  return mock;
}

/** PNG magic bytes padded to `size`: the client sniffs the type before it sends. */
const pngOf = (size: number) => Uint8Array.from({ length: size }, (_, i) => PNG[i] ?? 0);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A VidAU request signed as the vendor documents, bypassing the client's own checks. */
async function signedVidau(server: MockServer, path: string, body: unknown): Promise<Response> {
  const request = new Request(`${server.baseUrls.vidau}${path}`, { method: 'POST', body: JSON.stringify(body) });
  return fetch(await signVidauRequest(request, server.credentials.vidau));
}

const aiutaFetch = (server: MockServer, path: string, init: RequestInit = {}) =>
  fetch(`${server.baseUrls.aiuta}${path}`, { ...init, headers: { 'x-api-key': server.credentials.aiuta.apiKey, ...init.headers } });

describe('webhook URLs that pass `format: uri` but cannot be called', () => {
  it.each(['http://256.256.256.256/x', 'http://999.1.1.1/', 'http://example.com:99999/'])(
    'refuses %s with 400 in the VidAU shape, and the process lives on past the render time',
    async (webhookUrl) => {
      const rejections: unknown[] = [];
      const onRejection = (reason: unknown) => rejections.push(reason);
      process.on('unhandledRejection', onRejection);
      try {
        const server = await start();
        const response = await signedVidau(server, '/v1.0/avatar/video/create', { webhook_url: webhookUrl, params: PARAMS });
        expect(response.status).toBe(400);
        expect(await response.json()).toMatchObject({
          code: 400,
          msg: 'invalid request',
          details: [{ loc: ['body', 'webhook_url'], type: 'format' }],
        });
        await sleep(FAST.video.renderMs * 3);
        expect(rejections).toEqual([]);
        expect((await signedVidau(server, '/v1.0/task/info', { task_id: 'nope' })).status).toBe(404);
      } finally {
        process.off('unhandledRejection', onRejection);
      }
    },
  );
});

describe('malformed requests get a 4xx, not a 500', () => {
  it('answers malformed percent-escapes with 400', async () => {
    const server = await start();
    const files = await fetch(`${server.url}/files/%E0`);
    expect(files.status).toBe(400);
    expect((await fetch(`${server.url}/files/aiuta/%E0`)).status).toBe(400);
    const image = await aiutaFetch(server, '/uploaded_images/%E0');
    expect(image.status).toBe(400);
    expect(await image.json()).toEqual({ detail: 'Malformed percent-escape in the path' });
  });

  it('answers a wrong method on a known path with 405 and Allow, in each vendor’s shape', async () => {
    const server = await start();
    const put = await aiutaFetch(server, '/uploaded_images/abc', { method: 'PUT' });
    expect(put.status).toBe(405);
    expect(put.headers.get('allow')).toBe('GET, DELETE, HEAD, OPTIONS');
    expect(await put.json()).toEqual({ detail: 'Method Not Allowed' });
    const get = await fetch(`${server.baseUrls.vidau}/v1.0/task/info`);
    expect(get.status).toBe(405);
    expect(get.headers.get('allow')).toBe('POST, OPTIONS');
    expect(await get.json()).toEqual({ code: 405, msg: 'Method Not Allowed' });
    const options = await fetch(`${server.baseUrls.vidau}/v1.0/task/info`, { method: 'OPTIONS' });
    expect([options.status, options.headers.get('allow')]).toEqual([204, 'POST, OPTIONS']);
    const head = await aiutaFetch(server, '/predefined_try_on_models', { method: 'HEAD' });
    expect([head.status, await head.text()]).toEqual([200, '']);
  });

  it('answers JSON sent to the multipart upload with 415', async () => {
    const server = await start();
    const response = await aiutaFetch(server, '/uploaded_images', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ image_data: 'aGVsbG8=' }),
    });
    expect(response.status).toBe(415);
    expect(await response.json()).toEqual({ detail: 'Unsupported Media Type: send multipart/form-data' });
  });

  it('never answers 500 to a sweep of malformed requests', async () => {
    const server = await start();
    const key = { 'x-api-key': server.credentials.aiuta.apiKey };
    const json = { ...key, 'content-type': 'application/json' };
    const attempts: [string, RequestInit][] = [
      ['/sku_images_operations', { method: 'POST', headers: json, body: '{' }],
      ['/sku_images_operations', { method: 'POST', headers: json, body: Uint8Array.from([0x7b, 0xff, 0x7d]) }],
      ['/sku_images_operations', { method: 'POST', headers: json, body: '' }],
      ['/sku_images_operations', { method: 'POST', headers: json, body: 'null' }],
      ['/sku_images_operations', { method: 'POST', headers: json, body: '[1,2]' }],
      ['/sku_images_operations', { method: 'POST', headers: json, body: '{"uploaded_image_id":1e999,"sku_id":{}}' }],
      ['/sku_images_operations', { method: 'POST', headers: key }],
      ['/uploaded_images', { method: 'POST', headers: { ...key, 'content-type': 'multipart/form-data; boundary=x' }, body: 'garbage' }],
      ['/uploaded_images', { method: 'POST', headers: { ...key, 'content-type': 'multipart/form-data' }, body: 'garbage' }],
      ['/uploaded_images', { method: 'POST', headers: key, body: 'image' }],
      ['/uploaded_images', { method: 'POST', headers: key, body: new FormData() }],
      ['/uploaded_images', { method: 'POST', headers: key, body: textForm() }],
      ['/predefined_try_on_models', { headers: { ...key, 'if-none-match': '"unterminated, W/' } }],
      ['/sku_images_operations/%00', { headers: key }],
      ['/uploaded_images/%E0', { headers: key }],
      ['/uploaded_images', { method: 'POST', headers: json, body: '{"image_data":"x"}' }],
      ['//sku_images_operations', { headers: key }],
      ['/sku_images_operations', { method: 'PATCH', headers: key }],
      ['/', { headers: key }],
      ['', { headers: key }],
    ];
    for (const [path, init] of attempts) {
      const response = await fetch(`${server.baseUrls.aiuta}${path}`, init);
      // A malformed If-None-Match is no error: it just matches nothing (200). Everything else is a 4xx.
      expect(response.status, `${init.method ?? 'GET'} ${path}`).toBeGreaterThanOrEqual(path === '/predefined_try_on_models' ? 200 : 400);
      expect(response.status, `${init.method ?? 'GET'} ${path}`).toBeLessThan(500);
    }
    const vidau = [
      await signedVidau(server, '/v1.0/avatar/video/create', { webhook_url: 'not a url', params: PARAMS }),
      await signedVidau(server, '/v1.0/avatar/video/create', { webhook_url: 'ftp://example.com/', params: PARAMS }),
      await signedVidau(server, '/v1.0/avatar/video/create', { webhook_url: 7, params: [] }),
      await signedVidau(server, '/v1.0/task/info', {}),
      await signedVidau(server, '/v1.0/task/info', { task_id: { deep: [1, 2, { x: null }] } }),
      await fetch(`${server.baseUrls.vidau}/v1.0/task/info`, { method: 'POST', body: Uint8Array.from([0xff]) }),
      await fetch(`${server.baseUrls.vidau}/v1.0/task/info`, {
        method: 'POST',
        headers: { 'x-client-id': server.credentials.vidau.clientId, timestamp: 'soon', authorization: '!!' },
        body: '{"task_id":"x"}',
      }),
    ];
    for (const response of vidau) expect([response.status, response.status < 500]).toEqual([response.status, true]);
  });
});

function textForm(): FormData {
  const form = new FormData();
  form.set('image_data', 'not a file');
  return form;
}

describe('browsers (the playground and the Chromium suite call the mock cross-origin)', () => {
  it('answers CORS preflights and exposes the headers clients read', async () => {
    const server = await start();
    const preflight = await fetch(`${server.baseUrls.vidau}/v1.0/avatar/video/create`, {
      method: 'OPTIONS',
      headers: {
        origin: 'http://127.0.0.1:1',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization, content-type, response-wrap, timestamp, x-client-id',
      },
    });
    expect(preflight.status).toBe(204);
    expect(Object.fromEntries([...preflight.headers].filter(([name]) => name.startsWith('access-control-')))).toEqual({
      'access-control-allow-origin': '*',
      'access-control-allow-methods': 'POST, OPTIONS',
      'access-control-allow-headers': 'authorization, content-type, response-wrap, timestamp, x-client-id',
      'access-control-expose-headers': 'etag, retry-after, retry-after-ms, x-request-id',
      'access-control-max-age': '600',
    });
    const models = await aiutaFetch(server, '/predefined_try_on_models', { headers: { origin: 'http://127.0.0.1:1' } });
    expect(models.headers.get('access-control-allow-origin')).toBe('*');
    expect((await fetch(`${server.url}/files/aiuta/model_man_00`, { method: 'OPTIONS' })).headers.get('access-control-allow-methods')).toBe(
      'GET, HEAD, OPTIONS',
    );
  });
});

describe('request body limit', () => {
  it('answers a declared Content-Length over the limit with 413 before reading the body', async () => {
    const server = await start();
    const status = await new Promise<number>((resolve, reject) => {
      const request = httpRequest(`${server.baseUrls.aiuta}/uploaded_images`, {
        method: 'POST',
        headers: { 'content-type': 'multipart/form-data; boundary=x', 'content-length': String(10 * 1024 * 1024 + 1) },
      });
      request.on('response', (response) => {
        response.resume();
        resolve(response.statusCode ?? 0);
        request.destroy();
      });
      request.on('error', reject);
      request.write('--x\r\n'); // the headers go out; the 10 MiB never do
    });
    expect(status).toBe(413);
  });

  it('stops reading a chunked body once past the limit: 413, the rest never buffered', async () => {
    const server = await start({ maxBodyBytes: 64 * 1024 });
    const chunk = new Uint8Array(16 * 1024);
    const budget = 256 * 1024 * 1024;
    const result = await new Promise<{ status: number; body: string; sent: number }>((resolve, reject) => {
      let sent = 0;
      let answered = false;
      const request = httpRequest(`${server.baseUrls.aiuta}/uploaded_images`, {
        method: 'POST',
        headers: { 'x-api-key': server.credentials.aiuta.apiKey, 'content-type': 'multipart/form-data; boundary=x' },
      });
      const pump = () => {
        while (!answered && sent < budget) {
          sent += chunk.byteLength;
          if (!request.write(chunk)) return void request.once('drain', pump);
        }
      };
      request.on('response', (response) => {
        answered = true;
        let body = '';
        response.on('data', (data) => {
          body += data;
        });
        response.on('end', () => {
          resolve({ status: response.statusCode ?? 0, body, sent });
          request.destroy();
        });
      });
      request.on('error', (error) => (answered ? undefined : reject(error)));
      pump();
    });
    expect(result.status).toBe(413);
    expect(JSON.parse(result.body)).toEqual({ detail: 'Request body larger than 65536 bytes' });
    expect(result.sent).toBeLessThan(budget / 4);
  });

  it('applies in process too', async () => {
    const mockFetch = createMockFetch({ maxBodyBytes: 1024 });
    const aiuta = createAiutaClient({ auth: apiKeyAuth(mockFetch.credentials.aiuta.apiKey), fetch: mockFetch.fetch });
    await expect(aiuta.uploadImage(pngOf(2048))).rejects.toMatchObject({ status: 413 });
    expect((await aiuta.uploadImage(PNG)).id).toMatch(/^user_image-/);
    mockFetch.close();
  });
});

describe('bounded stores', () => {
  it('keeps at most the configured uploads, bytes, operations, tasks and webhooks, dropping the oldest', async () => {
    const server = await start({ limits: { files: 2, fileBytes: 64 * 1024, records: 2, webhooks: 2 } });
    const aiuta = createAiutaClient({ auth: apiKeyAuth(server.credentials.aiuta.apiKey), baseUrl: server.baseUrls.aiuta });
    const uploads = [await aiuta.uploadImage(PNG), await aiuta.uploadImage(PNG), await aiuta.uploadImage(PNG)];
    await expect(aiuta.getUploadedImage(uploads[0]?.id ?? '')).rejects.toMatchObject({ status: 404 });
    expect((await fetch(uploads[0]?.url ?? '')).status).toBe(404);
    expect((await aiuta.getUploadedImage(uploads[2]?.id ?? '')).id).toBe(uploads[2]?.id);
    // Two of 40 KiB exceed 64 KiB: the older goes.
    const big = [await aiuta.uploadImage(pngOf(40 * 1024)), await aiuta.uploadImage(pngOf(40 * 1024))];
    await expect(aiuta.getUploadedImage(big[0]?.id ?? '')).rejects.toMatchObject({ status: 404 });

    const operations = [];
    for (let i = 0; i < 3; i++) operations.push(await aiuta.startTryOn({ uploaded_image_id: 'model_man_00', sku_id: `s${i}` }));
    await expect(aiuta.getOperation(operations[0]?.operation_id ?? '')).rejects.toMatchObject({ status: 404 });
    expect((await aiuta.getOperation(operations[2]?.operation_id ?? '')).id).toBe(operations[2]?.operation_id);

    const vidau = createVidauClient({ ...server.credentials.vidau, baseUrl: server.baseUrls.vidau });
    const tasks = [];
    for (let i = 0; i < 3; i++) tasks.push(await vidau.createAvatarVideo({ webhook_url: `${server.url}/hook/${i}`, params: PARAMS }));
    await expect(vidau.getTaskInfo(tasks[0]?.task_id ?? '')).rejects.toMatchObject({ status: 404 });
    await sleep(FAST.video.renderMs * 4);
    // The evicted task's webhook was cancelled with it; the other two were sent.
    expect(server.webhooks.map((w) => w.url).sort()).toEqual([`${server.url}/hook/1`, `${server.url}/hook/2`]);
    await vidau.createAvatarVideo({ webhook_url: `${server.url}/hook/3`, params: PARAMS });
    await sleep(FAST.video.renderMs * 4);
    expect(server.webhooks.map((w) => w.url)).toEqual([`${server.url}/hook/2`, `${server.url}/hook/3`]);
  });
});

describe('upload expiry', () => {
  it('forgets an upload once its expires_at has passed', async () => {
    let clock = Date.now();
    const server = await start({ now: () => clock });
    const aiuta = createAiutaClient({ auth: apiKeyAuth(server.credentials.aiuta.apiKey), baseUrl: server.baseUrls.aiuta });
    const photo = await aiuta.uploadImage(PNG);
    clock = Date.parse(photo.expires_at ?? '') - 1;
    expect((await aiuta.getUploadedImage(photo.id)).id).toBe(photo.id);
    clock += 1;
    await expect(aiuta.getUploadedImage(photo.id)).rejects.toMatchObject({ status: 404 });
    expect((await fetch(photo.url)).status).toBe(404);
    await expect(aiuta.startTryOn({ uploaded_image_id: photo.id, sku_id: 's' })).rejects.toMatchObject({ status: 400 });
  });
});

describe('Aiuta auth and caching details', () => {
  it('accepts the bearer scheme in any case', async () => {
    const server = await start();
    const token = await issueAiutaJwt({
      secret: server.credentials.aiuta.jwtSecret,
      issuer: server.credentials.aiuta.jwtIssuer,
      expiresInSeconds: 60,
    });
    for (const scheme of ['bearer', 'BEARER', 'Bearer']) {
      const response = await fetch(`${server.baseUrls.aiuta}/sku_images_operations`, {
        method: 'POST',
        headers: { authorization: `${scheme} ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ uploaded_image_id: 'model_woman_00', sku_id: 's' }),
      });
      expect(response.status, scheme).toBe(200);
    }
  });

  it.each([
    ['*', 304],
    ['W/"predefined-models-1"', 304],
    ['"predefined-models-1"', 304], // weak comparison ignores W/
    ['"a", W/"predefined-models-1"', 304],
    ['"a",W/"b" , "predefined-models-1"', 304],
    ['"a", "b"', 200],
    ['W/"predefined-models-2"', 200],
    ['predefined-models-1', 200], // not an entity tag
  ])('If-None-Match: %s → %i', async (value, status) => {
    const server = await start();
    const response = await aiutaFetch(server, '/predefined_try_on_models', { headers: { 'if-none-match': value } });
    expect(response.status).toBe(status);
    expect(response.headers.get('etag')).toBe('W/"predefined-models-1"');
  });

  it('keeps a deleted generated image deleted across later polls', async () => {
    const server = await start();
    const aiuta = createAiutaClient({ auth: apiKeyAuth(server.credentials.aiuta.apiKey), baseUrl: server.baseUrls.aiuta });
    const photo = await aiuta.uploadImage(PNG);
    const { operation_id } = await aiuta.startTryOn({ uploaded_image_id: photo.id, sku_id: 'sku' });
    const done = await aiuta.waitForOperation(operation_id, QUICK_POLL);
    const image = done.generated_images[0];
    expect((await fetch(image?.url ?? '')).status).toBe(200);
    await aiuta.deleteGeneratedImage(image?.id ?? '');
    for (let poll = 0; poll < 3; poll++) expect((await aiuta.getOperation(operation_id)).generated_images).toEqual([]);
    await expect(aiuta.deleteGeneratedImage(image?.id ?? '')).rejects.toMatchObject({ status: 404 });
    expect((await fetch(image?.url ?? '')).status).toBe(404);
  });

  it.each([
    [{ uploaded_image_id: 'model_woman_00' }, "Either 'sku_id' or 'sku_ids' must be specified"],
    [{ uploaded_image_id: 'model_woman_00', sku_id: null, sku_ids: null }, "Either 'sku_id' or 'sku_ids' must be specified"],
    [{ uploaded_image_id: 'model_woman_00', sku_id: 'a', sku_ids: ['b'] }, "Only one of 'sku_id' and 'sku_ids' may be specified"],
  ])('refuses %j with 422: sku_id xor sku_ids', async (body, msg) => {
    const server = await start();
    const response = await aiutaFetch(server, '/sku_images_operations', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    expect(response.status).toBe(422);
    const { detail } = (await response.json()) as { detail: { msg: string }[] };
    // The spec may say it too (then ajv reports its own problems first); the mock's own rule always applies.
    expect(detail.map((problem) => problem.msg).join('\n')).toMatch(msg === detail.at(-1)?.msg ? msg : /sku|must/);
  });
});

describe('VidAU params.text is counted in UTF-16 units, as the client and the Java service count it', () => {
  it('refuses 1201 units even when they are 1200 code points, and accepts 1200 units', async () => {
    const server = await start();
    const astral = `${'x'.repeat(1199)}😀`; // 1201 UTF-16 units, 1200 code points
    expect([astral.length, [...astral].length]).toEqual([1201, 1200]);
    const refused = await signedVidau(server, '/v1.0/avatar/video/create', {
      webhook_url: `${server.url}/hook`,
      params: { ...PARAMS, text: astral },
    });
    expect(refused.status).toBe(400);
    expect(await refused.json()).toMatchObject({ details: [{ loc: ['body', 'params', 'text'], type: 'maxLength' }] });
    const accepted = await signedVidau(server, '/v1.0/avatar/video/create', {
      webhook_url: `${server.url}/hook`,
      params: { ...PARAMS, text: `${'x'.repeat(1198)}😀` },
    });
    expect(accepted.status).toBe(200);
  });
});
