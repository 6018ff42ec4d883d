import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { apiKeyAuth, bearerAuth, issueAiutaJwt, userIdAuth, verifyAiutaJwt } from '@signet/auth';
import { recordingFetch } from '@signet/client-core/testing';
import type { Middleware } from 'openapi-fetch';
import { describe, expect, it } from 'vitest';
import { createAiutaClient, errors, type SkuImagesRequest } from './index.js';

const { BadRequestError, InvalidRequestError, UnprocessableEntityError } = errors;

const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
const JPEG = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 9, 9]);
const image = { id: 'user_image-1', owner_type: 'user', url: 'https://storage.example/img.png', expires_at: null };
const operation = (status: string) => ({ id: 'op-1', status, error: null, generated_images: [] });

/** Answers from a script, then with `fallback`; `sent` holds what the client sent. */
function server(script: Response[] = [], fallback: () => Response = () => Response.json(image)) {
  const io = recordingFetch([...script, fallback]);
  return {
    fetch: io.fetch,
    get sent() {
      return io.requests.map((recorded) => recorded.request);
    },
  };
}

const withKey = (io: ReturnType<typeof server>) => createAiutaClient({ auth: apiKeyAuth('aiuta-key-1'), fetch: io.fetch });

describe('uploadImage', () => {
  it('POSTs multipart image_data with the type read from the bytes', async () => {
    const io = server();
    expect(await withKey(io).uploadImage(PNG)).toEqual(image);
    const request = io.sent[0] as Request;
    expect(request.method).toBe('POST');
    expect(request.url).toBe('https://api.aiuta.com/digital-try-on/v1/uploaded_images');
    expect(request.headers.get('x-api-key')).toBe('aiuta-key-1');
    expect(request.headers.get('content-type')).toMatch(/^multipart\/form-data; boundary=/);
    const part = (await request.formData()).get('image_data') as File;
    expect(part.type).toBe('image/png');
    expect(part.name).toBe('image.png');
    expect(new Uint8Array(await part.arrayBuffer())).toEqual(PNG);
  });

  it('takes a Blob, an ArrayBuffer, a typed-array view or a file path', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'signet-'));
    await writeFile(join(dir, 'person.jpg'), JPEG);
    const view = new Uint8Array([0, ...JPEG]).subarray(1);
    const io = server();
    const aiuta = withKey(io);
    await aiuta.uploadImage(new Blob([JPEG]));
    await aiuta.uploadImage(JPEG.slice().buffer);
    await aiuta.uploadImage(view);
    await aiuta.uploadImage(join(dir, 'person.jpg'));
    const parts = await Promise.all(io.sent.map(async (r) => (await r.formData()).get('image_data') as File));
    expect(parts.map((p) => [p.type, p.name])).toEqual([
      ['image/jpeg', 'image.jpg'],
      ['image/jpeg', 'image.jpg'],
      ['image/jpeg', 'image.jpg'],
      ['image/jpeg', 'person.jpg'],
    ]);
    for (const part of parts) expect(new Uint8Array(await part.arrayBuffer())).toEqual(JPEG);
  });

  it('refuses empty, unrecognised or unreadable input before sending', async () => {
    const io = server();
    const aiuta = withKey(io);
    await expect(aiuta.uploadImage(new Uint8Array())).rejects.toMatchObject({ field: 'image', message: 'image: is empty' });
    await expect(aiuta.uploadImage(Uint8Array.from([1, 2, 3]))).rejects.toBeInstanceOf(InvalidRequestError);
    await expect(aiuta.uploadImage('/nonexistent/person.png')).rejects.toThrowError('image: cannot read the file: ENOENT');
    expect(io.sent).toHaveLength(0);
    await aiuta.uploadImage(Uint8Array.from([1, 2, 3]), { contentType: 'image/avif', filename: 'me.avif' });
    expect(io.sent).toHaveLength(1);
  });

  it('is not retried unless asked', async () => {
    const io = server([new Response(null, { status: 503 })]);
    await expect(withKey(io).uploadImage(PNG)).rejects.toMatchObject({ status: 503 });
    expect(io.sent).toHaveLength(1);
    const again = server([new Response(null, { status: 503, headers: { 'retry-after': '0' } })]);
    await withKey(again).uploadImage(PNG, { retry: true });
    expect(again.sent).toHaveLength(2);
    const retried = (await (again.sent[1] as Request).formData()).get('image_data') as File;
    expect(retried.size).toBe(PNG.length);
  });
});

describe('uploaded and generated images', () => {
  it('GETs an uploaded image with x-user-id', async () => {
    const io = server();
    const aiuta = createAiutaClient({ auth: userIdAuth('66ec1726e728c1405e5ebca2'), fetch: io.fetch });
    expect(await aiuta.getUploadedImage('user_image-1')).toEqual(image);
    expect(io.sent[0]?.method).toBe('GET');
    expect(io.sent[0]?.url).toBe('https://api.aiuta.com/digital-try-on/v1/uploaded_images/user_image-1');
    expect(io.sent[0]?.headers.get('x-user-id')).toBe('66ec1726e728c1405e5ebca2');
  });

  it('DELETEs uploaded and generated images, escaping the id', async () => {
    const io = server([], () => new Response(null, { status: 204 }));
    const aiuta = withKey(io);
    await expect(aiuta.deleteUploadedImage('user_image-1')).resolves.toBeUndefined();
    await expect(aiuta.deleteGeneratedImage('gen/1')).resolves.toBeUndefined();
    expect(io.sent.map((r) => `${r.method} ${new URL(r.url).pathname}`)).toEqual([
      'DELETE /digital-try-on/v1/uploaded_images/user_image-1',
      'DELETE /digital-try-on/v1/generated_images/gen%2F1',
    ]);
  });

  it("maps a 422 to UnprocessableEntityError with FastAPI's reason", async () => {
    const io = server([Response.json({ detail: [{ loc: ['path', 'image_id'], msg: 'bad id', type: 'value_error' }] }, { status: 422 })]);
    await expect(withKey(io).deleteUploadedImage('x')).rejects.toSatisfy(
      (error) =>
        error instanceof UnprocessableEntityError &&
        error.message === 'DELETE /digital-try-on/v1/uploaded_images/x: 422 path.image_id: bad id',
    );
  });
});

describe('try-on operations', () => {
  const secret = 'jwt-secret';
  const app = (io: ReturnType<typeof server>) =>
    createAiutaClient({
      auth: bearerAuth({
        getToken: () => issueAiutaJwt({ secret, issuer: 'iss-1', claims: { uploaded_image_id: 'user_image-1' }, expiresInSeconds: 60 }),
      }),
      fetch: io.fetch,
    });

  it('starts a try-on with a bearer JWT and a JSON body', async () => {
    const io = server([Response.json({ operation_id: 'op-1', details: null, errors: [] })]);
    expect(await app(io).startTryOn({ uploaded_image_id: 'user_image-1', sku_id: 'sku-1' })).toEqual({
      operation_id: 'op-1',
      details: null,
      errors: [],
    });
    const request = io.sent[0] as Request;
    expect(`${request.method} ${request.url}`).toBe('POST https://api.aiuta.com/digital-try-on/v1/sku_images_operations');
    expect(await request.clone().json()).toEqual({ uploaded_image_id: 'user_image-1', sku_id: 'sku-1' });
    const token = request.headers.get('authorization')?.replace('Bearer ', '') ?? '';
    await expect(verifyAiutaJwt(token, { secret, issuer: 'iss-1' })).resolves.toMatchObject({ uploaded_image_id: 'user_image-1' });
  });

  it.each([
    ['body.sku_catalog_name', { sku_catalog_name: new Date(0) }],
    ['body.hijab_protection', { hijab_protection: Number.NaN }],
    ['body.extra', { extra: new Map([['a', 1]]) }],
  ])('refuses a body JSON.stringify would silently change (%s) and sends nothing', async (field, extra) => {
    const io = server();
    const request = { uploaded_image_id: 'u', sku_id: 'a', ...extra } as unknown as SkuImagesRequest;
    await expect(app(io).startTryOn(request)).rejects.toMatchObject({ code: 'ERR_INVALID_REQUEST', field });
    expect(io.sent).toHaveLength(0);
  });

  it.each([
    ['sku_id', { uploaded_image_id: 'u', sku_id: 'a', sku_ids: ['b'] }],
    ['sku_id', { uploaded_image_id: 'u' }],
    ['sku_ids', { uploaded_image_id: 'u', sku_ids: ['a', 'b', 'c'] }],
    ['uploaded_image_id', { uploaded_image_id: '', sku_id: 'a' }],
  ])('refuses a bad %s before sending', async (field, request) => {
    const io = server();
    // The types refuse these already; a JavaScript caller gets the same refusal at run time.
    await expect(app(io).startTryOn(request as SkuImagesRequest)).rejects.toMatchObject({ code: 'ERR_INVALID_REQUEST', field });
    expect(io.sent).toHaveLength(0);
  });

  it("reports the service's 400 detail as BadRequestError", async () => {
    const io = server([Response.json({ detail: 'Input image was not found' }, { status: 400 })]);
    await expect(app(io).startTryOn({ uploaded_image_id: 'u', sku_ids: ['a', 'b'] })).rejects.toSatisfy(
      (error) =>
        error instanceof BadRequestError &&
        error.message === 'POST /digital-try-on/v1/sku_images_operations: 400 Input image was not found',
    );
  });

  it('GETs an operation, retrying a 503 since reads are safe', async () => {
    const io = server([new Response(null, { status: 503, headers: { 'retry-after': '0' } })], () => Response.json(operation('SUCCESS')));
    expect(await withKey(io).getOperation('op-1')).toEqual(operation('SUCCESS'));
    expect(io.sent.map((r) => `${r.method} ${new URL(r.url).pathname}`)).toEqual([
      'GET /digital-try-on/v1/sku_images_operations/op-1',
      'GET /digital-try-on/v1/sku_images_operations/op-1',
    ]);
  });

  it('sends the auth headers on every try, over a header of the same name that a raw call sets', async () => {
    const io = server([new Response(null, { status: 503, headers: { 'retry-after': '0' } })], () => Response.json(operation('SUCCESS')));
    const aiuta = createAiutaClient({ auth: [apiKeyAuth('aiuta-key-1'), userIdAuth('subscription-1')], fetch: io.fetch });
    await aiuta.raw.GET('/sku_images_operations/{operation_id}', {
      params: { path: { operation_id: 'op-1' } },
      headers: { 'x-api-key': 'from-call', 'x-user-id': 'from-call' },
    });
    expect(io.sent.map((r) => [r.headers.get('x-api-key'), r.headers.get('x-user-id')])).toEqual([
      ['aiuta-key-1', 'subscription-1'],
      ['aiuta-key-1', 'subscription-1'],
    ]);
  });

  it('waits until the operation leaves CREATED, IN_PROGRESS and PAUSED, unknown statuses included', async () => {
    for (const last of ['SUCCESS', 'ABORTED', 'SOME_NEW_STATUS']) {
      const statuses = ['CREATED', 'IN_PROGRESS', 'PAUSED', last];
      let reads = 0;
      const io = server([], () => Response.json(operation(statuses[reads++] ?? last)));
      const seen: string[] = [];
      const final = await withKey(io).waitForOperation('op-1', { intervalMs: () => 0, onProgress: (op) => seen.push(op.status) });
      expect(final.status).toBe(last);
      expect(seen).toEqual(statuses);
    }
  });
});

describe('the auth middleware and middleware added later', () => {
  const auths: [string, () => Middleware[]][] = [
    ['apiKeyAuth alone', () => [apiKeyAuth('aiuta-key-1')]],
    ['apiKeyAuth beside userIdAuth', () => [apiKeyAuth('aiuta-key-1'), userIdAuth('subscription-1')]],
  ];

  it.each(auths)('hands an onResponse given to the auth after registration the real Request (%s)', async (_name, auth) => {
    const io = server([], () => Response.json(operation('IN_PROGRESS')));
    const middleware = auth();
    const aiuta = createAiutaClient({ auth: middleware, fetch: io.fetch });
    const seen: unknown[] = [];
    (middleware[0] as Middleware).onResponse = ({ request }) => {
      const copy = request.clone();
      seen.push(copy.headers.get('x-api-key'), new URL(copy.url).pathname);
    };
    await aiuta.getOperation('op-1');
    expect(seen).toEqual(['aiuta-key-1', '/digital-try-on/v1/sku_images_operations/op-1']);
  });

  it.each(auths)('sends the Request that middleware added later put in place of its own (%s)', async (_name, auth) => {
    const io = server([], () => Response.json(operation('IN_PROGRESS')));
    const aiuta = createAiutaClient({ auth: auth(), fetch: io.fetch });
    aiuta.raw.use({ onRequest: ({ request }) => new Request(`${request.url}?trace=1`, request) });
    await aiuta.getOperation('op-1');
    expect(io.sent.map((r) => [r.url, r.headers.get('x-api-key')])).toEqual([
      ['https://api.aiuta.com/digital-try-on/v1/sku_images_operations/op-1?trace=1', 'aiuta-key-1'],
    ]);
  });
});

describe('listPredefinedModels', () => {
  const categories = [
    { category: 'woman', models: [{ id: 'model_woman_00', owner_type: 'aiuta', url: 'https://m/w0.png', metadata: null }] },
  ];

  it('returns the models with their ETag, then not-modified for that ETag', async () => {
    const io = server([
      Response.json(categories, { headers: { etag: '"rev-7"' } }),
      new Response(null, { status: 304, headers: { etag: '"rev-7"' } }),
    ]);
    const aiuta = withKey(io);
    const first = await aiuta.listPredefinedModels();
    expect(first).toEqual({ modified: true, categories, etag: '"rev-7"' });
    expect(await aiuta.listPredefinedModels({ etag: '"rev-7"' })).toEqual({ modified: false, etag: '"rev-7"' });
    expect(io.sent[0]?.headers.has('if-none-match')).toBe(false);
    expect(io.sent[1]?.headers.get('if-none-match')).toBe('"rev-7"');
  });
});
