import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { apiKeyAuth, bearerAuth, issueAiutaJwt, userIdAuth, verifyAiutaJwt } from '@signet/auth';
import { recordingFetch } from '@signet/client-core/testing';
import { describe, expect, it } from 'vitest';
import { apiErrorBody, createAiutaUnifiedClient, errors, TryOnOperationNotFoundError } from './index.js';

const {
  AbortedError,
  ApiResponseError,
  AuthenticationError,
  BadRequestError,
  ConflictError,
  InvalidRequestError,
  NotFoundError,
  PollTimeoutError,
  UnprocessableEntityError,
} = errors;

const BASE = 'https://api.aiuta.com/v1';
const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
const JPEG = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 9, 9]);
const image = { id: 'user_image-1', owner_type: 'user', url: 'https://storage.example/img.png', expires_at: null };
const readiness = { updated_at: '2026-07-10T00:00:00Z', status: 'ready' };
const skuItem = (skuId: string) => ({
  internal_id: `internal-${skuId}`,
  sku_id: skuId,
  created_at: '2026-07-10T00:00:00Z',
  product_info: { image_urls: [] },
  capabilities: { try_on: true },
  capabilities_readiness: { try_on: readiness, outfit_recommendations: readiness, size_and_fit: readiness },
});
const tryOn = (status: string) => ({ id: 'op-1', status, error: null, generated_images: [] });
const flatLay = (status: string) => ({
  id: 'flatlay_op-1',
  status,
  error: null,
  image_type: { flat_lay_type: 'flat', viewpoint: 'front' },
});
const imageType = { flat_lay_type: 'flat', viewpoint: 'front' } as const;
const retryNow = () => new Response(null, { status: 503, headers: { 'retry-after': '0' } });

/** Answers from a script, then with `fallback`; `sent` holds what the client sent. */
function server(script: Response[] = [], fallback: () => Response = () => Response.json(image)) {
  const io = recordingFetch([...script, fallback]);
  return {
    fetch: io.fetch,
    get sent() {
      return io.requests;
    },
    get lines() {
      return io.requests.map((r) => `${r.method} ${r.url.pathname}${r.url.search}`);
    },
  };
}

const withKey = (io: ReturnType<typeof server>) => createAiutaUnifiedClient({ auth: apiKeyAuth('aiuta-key-1'), fetch: io.fetch });

describe('every operation', () => {
  const client = (io: ReturnType<typeof server>) => withKey(io);
  type Case = [string, (c: ReturnType<typeof client>) => Promise<unknown>, Response, string, unknown];
  const json = (value: unknown, status = 200) => Response.json(value, { status });
  const none = () => new Response(null, { status: 204 });
  const cases: Case[] = [
    ['createUploadedImage', (c) => c.uploadedImages.create(PNG), json(image), 'POST /v1/uploaded_images', undefined],
    ['getUploadedImage', (c) => c.uploadedImages.get('user_image-1'), json(image), 'GET /v1/uploaded_images/user_image-1', undefined],
    ['deleteUploadedImage', (c) => c.uploadedImages.delete('user_image-1'), none(), 'DELETE /v1/uploaded_images/user_image-1', undefined],
    ['deleteGeneratedImage', (c) => c.generatedImages.delete('gen/1'), none(), 'DELETE /v1/generated_images/gen%2F1', undefined],
    [
      'listSkuItems',
      (c) => c.skuItems.listPage({ offset: 20, limit: 10 }),
      json({ items: [], total: 0, next_offset: null }),
      'GET /v1/sku_items?offset=20&limit=10',
      undefined,
    ],
    [
      'createSkuItem',
      (c) => c.skuItems.create({ sku_id: 'sku_1', product_info: { image_urls: ['https://shop.example/1.jpg'] }, metadata: { a: [1] } }),
      json(skuItem('sku_1'), 201),
      'POST /v1/sku_items',
      { sku_id: 'sku_1', product_info: { image_urls: ['https://shop.example/1.jpg'] }, metadata: { a: [1] } },
    ],
    ['getSkuItem', (c) => c.skuItems.get('sku 1'), json(skuItem('sku 1')), 'GET /v1/sku_items/sku%201', undefined],
    ['deleteSkuItem', (c) => c.skuItems.delete('sku_1'), none(), 'DELETE /v1/sku_items/sku_1', undefined],
    [
      'updateSkuItemCapabilities',
      (c) => c.skuItems.updateCapabilities('sku_1', { try_on: true, on_figure_product_images: [{ viewpoint: 'front', pose: 'standing' }] }),
      json(skuItem('sku_1')),
      'PATCH /v1/sku_items/sku_1/capabilities',
      { try_on: true, on_figure_product_images: [{ viewpoint: 'front', pose: 'standing' }] },
    ],
    [
      'updateSkuItemMerchandising',
      (c) => c.skuItems.updateMerchandising('sku_1', { availability: 'preorder' }),
      json(skuItem('sku_1')),
      'PATCH /v1/sku_items/sku_1/merchandising',
      { availability: 'preorder' },
    ],
    [
      'getOutfitRecommendations',
      (c) => c.recommendations.outfits('sku_1', { count: 2, user_id: 'shopper-7' }),
      json([{ id: 'o1', sku_ids: ['sku_1', 'sku_2'] }]),
      'GET /v1/recommendations/outfits/sku_1?count=2&user_id=shopper-7',
      undefined,
    ],
    [
      'createFlatLayOperation',
      (c) => c.flatLayOperations.create({ sku_id: 'sku_1', image_type: imageType, qa_mode: 'human', operation_priority: 'offline' }),
      json({ operation_id: 'flatlay_op-1' }, 201),
      'POST /v1/flat_lay_operations',
      { sku_id: 'sku_1', image_type: imageType, qa_mode: 'human', operation_priority: 'offline' },
    ],
    [
      'getFlatLayOperation',
      (c) => c.flatLayOperations.get('flatlay_op-1'),
      json(flatLay('SUCCESS')),
      'GET /v1/flat_lay_operations/flatlay_op-1',
      undefined,
    ],
    [
      'createSkuTryOnOperation',
      (c) => c.tryOnOperations.create({ uploaded_image_id: 'user_image-1', sku_ids: ['sku_1', 'sku_2'] }),
      json({ operation_id: 'op-1' }),
      'POST /v1/sku_try_on_operations',
      { uploaded_image_id: 'user_image-1', sku_ids: ['sku_1', 'sku_2'] },
    ],
    ['getSkuTryOnOperation', (c) => c.tryOnOperations.get('op-1'), json(tryOn('SUCCESS')), 'GET /v1/sku_try_on_operations/op-1', undefined],
    ['listPredefinedTryOnModels', (c) => c.predefinedTryOnModels.list(), json([]), 'GET /v1/predefined_try_on_models', undefined],
    ['listTryOnModels', (c) => c.tryOnModels.list(), json([]), 'GET /v1/try_on_models', undefined],
  ];

  it('covers the 17 operations of the spec', () => {
    expect(cases).toHaveLength(17);
  });

  it.each(cases)('%s sends the method, URL, API key and body', async (_name, run, answer, line, body) => {
    const io = server([answer]);
    await run(client(io));
    expect(io.lines).toEqual([line]);
    const [request] = io.sent;
    expect(request?.url.origin).toBe('https://api.aiuta.com');
    expect(request?.headers.get('x-api-key')).toBe('aiuta-key-1');
    if (body === undefined) {
      if (request?.method !== 'POST') expect(request?.body).toBe('');
    } else {
      expect(request?.headers.get('content-type')).toBe('application/json');
      expect(JSON.parse(request?.body ?? '')).toEqual(body);
    }
  });

  it('sends to another baseUrl when given one', async () => {
    const io = server();
    await createAiutaUnifiedClient({ auth: apiKeyAuth('k'), baseUrl: 'http://127.0.0.1:4010/v1', fetch: io.fetch }).uploadedImages.get('u');
    expect(io.sent[0]?.url.href).toBe('http://127.0.0.1:4010/v1/uploaded_images/u');
  });
});

describe('uploadedImages', () => {
  it('POSTs multipart image_data with the type read from the bytes', async () => {
    const io = server();
    expect(await withKey(io).uploadedImages.create(PNG)).toEqual(image);
    const recorded = io.sent[0];
    expect(`${recorded?.method} ${recorded?.url.href}`).toBe(`POST ${BASE}/uploaded_images`);
    expect(recorded?.headers.get('content-type')).toMatch(/^multipart\/form-data; boundary=/);
    const part = (await recorded?.request.formData())?.get('image_data') as File;
    expect([part.type, part.name]).toEqual(['image/png', 'image.png']);
    expect(new Uint8Array(await part.arrayBuffer())).toEqual(PNG);
  });

  it('reads a file path in Node, keeping its name', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'signet-unified-'));
    await writeFile(join(dir, 'dress.jpg'), JPEG);
    const io = server();
    await withKey(io).uploadedImages.create(join(dir, 'dress.jpg'));
    const part = (await io.sent[0]?.request.formData())?.get('image_data') as File;
    expect([part.type, part.name]).toEqual(['image/jpeg', 'dress.jpg']);
  });

  it('refuses empty or unrecognised bytes before sending', async () => {
    const io = server();
    await expect(withKey(io).uploadedImages.create(new Uint8Array())).rejects.toMatchObject({ field: 'image' });
    await expect(withKey(io).uploadedImages.create(Uint8Array.from([1, 2, 3]))).rejects.toBeInstanceOf(InvalidRequestError);
    expect(io.sent).toHaveLength(0);
  });

  it('sends x-user-id with userIdAuth', async () => {
    const io = server();
    await createAiutaUnifiedClient({ auth: userIdAuth('66ec1726e728c1405e5ebca2'), fetch: io.fetch }).uploadedImages.get('user_image-1');
    expect(io.sent[0]?.headers.get('x-user-id')).toBe('66ec1726e728c1405e5ebca2');
    expect(io.sent[0]?.headers.has('x-api-key')).toBe(false);
  });
});

describe('retries', () => {
  it('retries reads and deletes on 503', async () => {
    const io = server([retryNow(), retryNow(), new Response(null, { status: 204 })]);
    await withKey(io).skuItems.delete('sku_1');
    expect(io.lines).toEqual(Array(3).fill('DELETE /v1/sku_items/sku_1'));
  });

  it('retries the two full-replacement PATCHes, which repeat harmlessly', async () => {
    const io = server([retryNow(), Response.json(skuItem('s')), retryNow(), Response.json(skuItem('s'))]);
    await withKey(io).skuItems.updateCapabilities('s', { try_on: false });
    await withKey(io).skuItems.updateMerchandising('s', {});
    expect(io.lines).toEqual([
      'PATCH /v1/sku_items/s/capabilities',
      'PATCH /v1/sku_items/s/capabilities',
      'PATCH /v1/sku_items/s/merchandising',
      'PATCH /v1/sku_items/s/merchandising',
    ]);
    expect(io.sent[1]?.body).toBe('{"try_on":false}');
  });

  it.each([
    ['uploadedImages.create', (c: ReturnType<typeof withKey>, retry?: boolean) => c.uploadedImages.create(PNG, retry ? { retry } : {})],
    [
      'skuItems.create',
      (c: ReturnType<typeof withKey>, retry?: boolean) => c.skuItems.create({ sku_id: 's', product_info: {} }, retry ? { retry } : {}),
    ],
    [
      'flatLayOperations.create',
      (c: ReturnType<typeof withKey>, retry?: boolean) =>
        c.flatLayOperations.create({ sku_id: 's', image_type: imageType }, retry ? { retry } : {}),
    ],
    [
      'tryOnOperations.create',
      (c: ReturnType<typeof withKey>, retry?: boolean) =>
        c.tryOnOperations.create({ uploaded_image_id: 'u', sku_id: 's' }, retry ? { retry } : {}),
    ],
  ])('does not retry %s unless retry: true', async (_name, create) => {
    const once = server([retryNow()]);
    await expect(create(withKey(once))).rejects.toMatchObject({ status: 503 });
    expect(once.sent).toHaveLength(1);
    const twice = server([retryNow()], () => Response.json({ ...skuItem('s'), ...image, operation_id: 'op' }, { status: 201 }));
    await create(withKey(twice), true);
    expect(twice.sent).toHaveLength(2);
    expect(twice.sent[1]?.body).toBe(twice.sent[0]?.body);
  });

  it('takes maxRetries and retry: false per call', async () => {
    const io = server([retryNow(), retryNow(), retryNow()]);
    await expect(withKey(io).skuItems.get('s', { maxRetries: 1 })).rejects.toMatchObject({ status: 503 });
    expect(io.sent).toHaveLength(2);
    const none = server([retryNow()]);
    await expect(withKey(none).skuItems.get('s', { retry: false })).rejects.toMatchObject({ status: 503 });
    expect(none.sent).toHaveLength(1);
  });
});

describe('skuItems pagination', () => {
  const pageOf = (ids: string[], total: number, next: number | null | undefined) =>
    Response.json({ items: ids.map(skuItem), total, ...(next !== undefined && { next_offset: next }) });

  it('walks every page, following next_offset until it is null', async () => {
    const io = server([pageOf(['a', 'b'], 5, 2), pageOf(['c', 'd'], 5, 4), pageOf(['e'], 5, null)]);
    const seen: string[] = [];
    for await (const item of withKey(io).skuItems.list({ limit: 2 })) seen.push(item.sku_id);
    expect(seen).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(io.lines).toEqual([
      'GET /v1/sku_items?offset=0&limit=2',
      'GET /v1/sku_items?offset=2&limit=2',
      'GET /v1/sku_items?offset=4&limit=2',
    ]);
  });

  it('stops when next_offset is absent, does not move forward, or the page is empty', async () => {
    const cases: [Response[], string[]][] = [
      [[pageOf(['a'], 1, undefined)], ['a']],
      [
        [pageOf(['a'], 9, 3), pageOf(['b'], 9, 3)],
        ['a', 'b'],
      ],
      [
        [pageOf(['a'], 9, 3), pageOf(['b'], 9, 1)],
        ['a', 'b'],
      ],
      [[pageOf(['a'], 9, 3), pageOf([], 9, 4)], ['a']],
    ];
    for (const [script, expected] of cases) {
      const io = server(script);
      const seen: string[] = [];
      for await (const item of withKey(io).skuItems.list()) seen.push(item.sku_id);
      expect(seen).toEqual(expected);
      expect(io.sent).toHaveLength(script.length);
    }
  });

  it('sends nothing until iterated, and can stop early', async () => {
    const io = server([pageOf(['a', 'b'], 4, 2)], () => pageOf(['c', 'd'], 4, null));
    const list = withKey(io).skuItems.list();
    expect(io.sent).toHaveLength(0);
    for await (const item of list) if (item.sku_id === 'a') break;
    expect(io.sent).toHaveLength(1);
    expect(io.lines).toEqual(['GET /v1/sku_items?offset=0']);
  });

  it('gives the pages themselves, with total and next_offset', async () => {
    const io = server([pageOf(['a'], 2, 1), pageOf(['b'], 2, null)]);
    const pages = [];
    for await (const page of withKey(io).skuItems.list({ limit: 1 }).pages()) pages.push([page.total, page.next_offset, page.items.length]);
    expect(pages).toEqual([
      [2, 1, 1],
      [2, null, 1],
    ]);
  });

  it('retries a page read and stops on the caller signal', async () => {
    const io = server([retryNow(), pageOf(['a'], 2, 1)], () => pageOf(['b'], 2, null));
    const controller = new AbortController();
    const seen: string[] = [];
    await expect(
      (async () => {
        for await (const item of withKey(io).skuItems.list({}, { signal: controller.signal })) {
          seen.push(item.sku_id);
          controller.abort();
        }
      })(),
    ).rejects.toBeInstanceOf(AbortedError);
    expect(seen).toEqual(['a']);
    expect(io.sent).toHaveLength(2);
  });

  it.each([
    ['limit', { limit: 0 }],
    ['limit', { limit: 501 }],
    ['limit', { limit: 2.5 }],
    ['offset', { offset: -1 }],
  ])('refuses a bad %s before sending', async (field, params) => {
    const io = server();
    await expect(withKey(io).skuItems.listPage(params)).rejects.toMatchObject({ code: 'ERR_INVALID_REQUEST', field });
    expect(() => withKey(io).skuItems.list(params)).toThrowError(InvalidRequestError);
    expect(io.sent).toHaveLength(0);
    await withKey(io)
      .skuItems.listPage({ limit: 500 })
      .catch(() => undefined);
    expect(io.sent).toHaveLength(1);
  });
});

describe('validation before sending', () => {
  const refusals: [string, string, (c: ReturnType<typeof withKey>) => Promise<unknown>][] = [
    [
      'try-on with both sku_id and sku_ids',
      'sku_id',
      (c) => c.tryOnOperations.create({ uploaded_image_id: 'u', sku_id: 'a', sku_ids: ['b'] } as never),
    ],
    ['try-on with neither', 'sku_id', (c) => c.tryOnOperations.create({ uploaded_image_id: 'u' } as never)],
    ['try-on with 6 SKUs', 'sku_ids', (c) => c.tryOnOperations.create({ uploaded_image_id: 'u', sku_ids: ['1', '2', '3', '4', '5', '6'] })],
    ['try-on with no SKUs', 'sku_ids', (c) => c.tryOnOperations.create({ uploaded_image_id: 'u', sku_ids: [] })],
    ['try-on with an empty SKU', 'sku_ids[1]', (c) => c.tryOnOperations.create({ uploaded_image_id: 'u', sku_ids: ['a', ''] })],
    ['try-on with an empty sku_id', 'sku_id', (c) => c.tryOnOperations.create({ uploaded_image_id: 'u', sku_id: '' })],
    ['try-on without an image', 'uploaded_image_id', (c) => c.tryOnOperations.create({ uploaded_image_id: '', sku_id: 'a' })],
    [
      'flat-lay with both',
      'product_info',
      (c) => c.flatLayOperations.create({ sku_id: 's', product_info: {}, image_type: imageType } as never),
    ],
    ['flat-lay with neither', 'product_info', (c) => c.flatLayOperations.create({ sku_id: null, image_type: imageType } as never)],
    [
      'flat-lay with image_urls and uploaded_image_ids',
      'product_info',
      (c) =>
        c.flatLayOperations.create({ product_info: { image_urls: ['https://a/1.jpg'], uploaded_image_ids: ['u'] }, image_type: imageType }),
    ],
    [
      'flat-lay with human QA online',
      'qa_mode',
      (c) => c.flatLayOperations.create({ sku_id: 's', image_type: imageType, qa_mode: 'human' }),
    ],
    [
      'flat-lay with a reference colour background and no colour',
      'background_settings.reference_color',
      (c) =>
        c.flatLayOperations.create({ sku_id: 's', image_type: imageType, background_settings: { background_type: 'reference_color' } }),
    ],
    ['flat-lay without image_type', 'image_type', (c) => c.flatLayOperations.create({ sku_id: 's' } as never)],
    [
      'SKU item with 21 image URLs',
      'product_info.image_urls',
      (c) => c.skuItems.create({ sku_id: 's', product_info: { image_urls: Array.from({ length: 21 }, (_, i) => `https://a/${i}.jpg`) } }),
    ],
    [
      'SKU item with no uploaded image IDs',
      'product_info.uploaded_image_ids',
      (c) => c.skuItems.create({ sku_id: 's', product_info: { uploaded_image_ids: [] } }),
    ],
    ['SKU item without sku_id', 'sku_id', (c) => c.skuItems.create({ sku_id: '', product_info: {} })],
    [
      'SKU item metadata that is not JSON',
      'body.metadata.when',
      (c) => c.skuItems.create({ sku_id: 's', product_info: {}, metadata: { when: new Date() } }),
    ],
    ['outfits count 0', 'count', (c) => c.recommendations.outfits('s', { count: 0 })],
    ['outfits count 6', 'count', (c) => c.recommendations.outfits('s', { count: 6 })],
    ['outfits with an empty user_id', 'user_id', (c) => c.recommendations.outfits('s', { user_id: '' })],
    ['an empty path ID', 'path.sku_id', (c) => c.skuItems.get('')],
    ['an empty operation ID', 'path.operation_id', (c) => c.tryOnOperations.get('')],
    ['an empty image ID', 'path.image_id', (c) => c.generatedImages.delete('')],
    ['a SKU item ID of ..', 'path.sku_id', (c) => c.skuItems.delete('..')],
    ['a SKU item ID of .. for its capabilities', 'path.sku_id', (c) => c.skuItems.updateCapabilities('..', { try_on: true })],
    ['an operation ID of .', 'path.operation_id', (c) => c.flatLayOperations.get('.')],
    ['an unsendable ETag', 'etag', (c) => c.tryOnModels.list({ etag: 'a\nb' })],
  ];

  it.each(refusals)('refuses %s, naming %s', async (_what, field, run) => {
    const io = server();
    await expect(run(withKey(io))).rejects.toMatchObject({ code: 'ERR_INVALID_REQUEST', field });
    expect(io.sent).toHaveLength(0);
  });

  it('omits a null user_id and the defaults it was not given', async () => {
    const io = server([Response.json([])]);
    await withKey(io).recommendations.outfits('s', { user_id: null });
    expect(io.lines).toEqual(['GET /v1/recommendations/outfits/s']);
  });
});

describe('tryOnOperations', () => {
  const secret = 'jwt-secret';
  const app = (io: ReturnType<typeof server>) =>
    createAiutaUnifiedClient({
      auth: bearerAuth({
        getToken: () => issueAiutaJwt({ secret, issuer: 'iss-1', claims: { uploaded_image_id: 'user_image-1' }, expiresInSeconds: 60 }),
      }),
      fetch: io.fetch,
    });

  it('starts a try-on with a bearer JWT and a JSON body', async () => {
    const io = server([Response.json({ operation_id: 'op-1' })]);
    expect(await app(io).tryOnOperations.create({ uploaded_image_id: 'user_image-1', sku_id: 'sku-1' })).toEqual({ operation_id: 'op-1' });
    const token = io.sent[0]?.headers.get('authorization')?.replace('Bearer ', '') ?? '';
    await expect(verifyAiutaJwt(token, { secret, issuer: 'iss-1' })).resolves.toMatchObject({ uploaded_image_id: 'user_image-1' });
    expect(io.sent[0]?.body).toBe('{"uploaded_image_id":"user_image-1","sku_id":"sku-1"}');
  });

  it('turns the null body of an unknown operation into TryOnOperationNotFoundError, a NotFoundError', async () => {
    const io = server([Response.json(null)]);
    const error = await withKey(io)
      .tryOnOperations.get('op-gone')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TryOnOperationNotFoundError);
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toMatchObject({ operationId: 'op-gone', status: 200, code: 'ERR_API' });
    expect((error as Error).message).toBe('try-on operation op-gone not found (the API answered 200 with a null body)');
  });

  it('reports an empty 200 as ApiResponseError', async () => {
    const io = server([new Response('', { status: 200 })]);
    await expect(withKey(io).tryOnOperations.get('op-1')).rejects.toBeInstanceOf(ApiResponseError);
  });

  it.each(['SUCCESS', 'FAILED', 'CANCELLED', 'ABORTED', 'SOME_NEW_STATUS'])(
    'waits through CREATED, IN_PROGRESS and PAUSED to %s',
    async (last) => {
      const statuses = ['CREATED', 'IN_PROGRESS', 'PAUSED', last];
      let reads = 0;
      const io = server([], () => Response.json(tryOn(statuses[reads++] ?? 'SUCCESS')));
      const seen: string[] = [];
      const final = await withKey(io).tryOnOperations.waitFor('op-1', { intervalMs: () => 0, onProgress: (op) => seen.push(op.status) });
      expect(final.status).toBe(last);
      expect(seen).toEqual(statuses);
      expect(io.lines).toEqual(Array(4).fill('GET /v1/sku_try_on_operations/op-1'));
    },
  );

  it('stops waiting on the signal, on the deadline, and on an operation the API does not know', async () => {
    const running = () => server([], () => Response.json(tryOn('IN_PROGRESS')));
    const controller = new AbortController();
    const aborted = withKey(running()).tryOnOperations.waitFor('op-1', {
      signal: controller.signal,
      intervalMs: () => 0,
      onProgress: () => controller.abort(),
    });
    await expect(aborted).rejects.toBeInstanceOf(AbortedError);
    let clock = 0;
    const late = withKey(running()).tryOnOperations.waitFor('op-1', {
      timeoutMs: 1000,
      intervalMs: () => 600,
      now: () => clock,
      sleep: async (ms) => {
        clock += ms;
      },
    });
    await expect(late).rejects.toSatisfy((e) => e instanceof PollTimeoutError && (e.last as { status: string }).status === 'IN_PROGRESS');
    const gone = server([Response.json(tryOn('CREATED'))], () => Response.json(null));
    await expect(withKey(gone).tryOnOperations.waitFor('op-1', { intervalMs: () => 0 })).rejects.toBeInstanceOf(
      TryOnOperationNotFoundError,
    );
  });

  it("reports the service's 400 detail as BadRequestError", async () => {
    const io = server([Response.json({ detail: 'Input image was not found' }, { status: 400 })]);
    await expect(withKey(io).tryOnOperations.create({ uploaded_image_id: 'u', sku_ids: ['a'] })).rejects.toSatisfy(
      (error) =>
        error instanceof BadRequestError &&
        error.message === 'POST /v1/sku_try_on_operations: 400 Input image was not found' &&
        apiErrorBody(error) === undefined,
    );
  });
});

describe('flatLayOperations', () => {
  it.each(['SUCCESS', 'FAILED', 'CANCELLED', 'ABORTED', 'SOME_NEW_STATUS'])('waits through the running states to %s', async (last) => {
    const statuses = ['CREATED', 'IN_PROGRESS', 'PAUSED', last];
    let reads = 0;
    const io = server([], () => Response.json(flatLay(statuses[reads++] ?? 'SUCCESS')));
    const seen: string[] = [];
    const final = await withKey(io).flatLayOperations.waitFor('flatlay_op-1', {
      intervalMs: () => 0,
      onProgress: (op) => seen.push(op.status),
    });
    expect(final.status).toBe(last);
    expect(seen).toEqual(statuses);
  });

  it('starts a flat-lay from inline product info', async () => {
    const io = server([Response.json({ operation_id: 'flatlay_op-1' }, { status: 201 })]);
    const request = {
      product_info: { uploaded_image_ids: ['user_image-1'], title: 'Dress' },
      image_type: imageType,
      background_settings: { background_type: 'reference_color' as const, reference_color: '#80ff00' },
    };
    expect(await withKey(io).flatLayOperations.create(request)).toEqual({ operation_id: 'flatlay_op-1' });
    expect(JSON.parse(io.sent[0]?.body ?? '')).toEqual(request);
  });
});

describe('ETag-aware model lists', () => {
  const categories = [{ category: 'woman', models: [{ id: 'model_woman_00', owner_type: 'aiuta', url: 'https://m/w0.png', tags: null }] }];
  const models = [{ id: 'model_woman_00', owner_type: 'aiuta', url: 'https://m/w0.png', tags: { gender: 'female' } }];

  it('returns the predefined models with their ETag, then not-modified for that ETag', async () => {
    const io = server([
      Response.json(categories, { headers: { etag: '"rev-7"' } }),
      new Response(null, { status: 304, headers: { etag: '"rev-7"' } }),
    ]);
    const client = withKey(io);
    expect(await client.predefinedTryOnModels.list()).toEqual({ modified: true, categories, etag: '"rev-7"' });
    expect(await client.predefinedTryOnModels.list({ etag: '"rev-7"' })).toEqual({ modified: false, etag: '"rev-7"' });
    expect(io.sent[0]?.headers.has('if-none-match')).toBe(false);
    expect(io.sent[1]?.headers.get('if-none-match')).toBe('"rev-7"');
  });

  it('reads a null list as empty and keeps the sent ETag on a 304 without one', async () => {
    const io = server([Response.json(null), new Response(null, { status: 304 })]);
    expect(await withKey(io).predefinedTryOnModels.list()).toEqual({ modified: true, categories: [], etag: undefined });
    expect(await withKey(io).predefinedTryOnModels.list({ etag: 'W/"9"' })).toEqual({ modified: false, etag: 'W/"9"' });
  });

  it('lists the flat try-on models the SDKs use, with x-user-id', async () => {
    const io = server([Response.json(models, { headers: { etag: '"m-1"' } }), new Response(null, { status: 304 })]);
    const client = createAiutaUnifiedClient({ auth: userIdAuth('66ec1726e728c1405e5ebca2'), fetch: io.fetch });
    expect(await client.tryOnModels.list()).toEqual({ modified: true, models, etag: '"m-1"' });
    expect(await client.tryOnModels.list({ etag: '"m-1"' })).toEqual({ modified: false, etag: '"m-1"' });
    expect(io.sent.map((r) => [r.headers.get('x-user-id'), r.headers.get('if-none-match')])).toEqual([
      ['66ec1726e728c1405e5ebca2', null],
      ['66ec1726e728c1405e5ebca2', '"m-1"'],
    ]);
  });

  it('refuses a 304 to a request that sent no ETag, and a 200 that is not a list', async () => {
    const io = server([new Response(null, { status: 304 }), Response.json({ models })]);
    await expect(withKey(io).tryOnModels.list()).rejects.toBeInstanceOf(ApiResponseError);
    await expect(withKey(io).tryOnModels.list()).rejects.toBeInstanceOf(ApiResponseError);
  });
});

describe('errors', () => {
  it("maps a 404 to NotFoundError with the vendor's code, message and details", async () => {
    const body = { code: 'SKU_ITEM_NOT_FOUND', message: 'SKU item sku_9 not found', details: { sku_id: 'sku_9' } };
    const io = server([Response.json(body, { status: 404, headers: { 'x-cloud-trace-context': 'trace-1/2;o=1' } })]);
    const error = await withKey(io)
      .skuItems.get('sku_9')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toMatchObject({
      status: 404,
      body,
      requestId: 'trace-1',
      message: 'GET /v1/sku_items/sku_9: 404 SKU item sku_9 not found',
    });
    expect(apiErrorBody(error)).toEqual(body);
    expect(apiErrorBody(error)?.details?.sku_id).toBe('sku_9');
  });

  it('maps a 409 on outfits to ConflictError, not retried', async () => {
    const body = { code: 'CAPABILITY_NOT_READY', message: 'Outfit recommendations are not ready', details: null };
    const io = server([Response.json(body, { status: 409 })]);
    const error = await withKey(io)
      .recommendations.outfits('sku_1')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConflictError);
    expect(apiErrorBody(error)?.code).toBe('CAPABILITY_NOT_READY');
    expect(io.sent).toHaveLength(1);
  });

  it("maps FastAPI's 422 and the gateway's empty 401", async () => {
    const io = server([
      Response.json({ detail: [{ loc: ['body', 'sku_id'], msg: 'field required', type: 'missing' }] }, { status: 422 }),
      new Response(null, { status: 401 }),
    ]);
    const invalid = await withKey(io)
      .skuItems.create({ sku_id: 's', product_info: {} })
      .catch((e: unknown) => e);
    expect(invalid).toBeInstanceOf(UnprocessableEntityError);
    expect((invalid as Error).message).toBe('POST /v1/sku_items: 422 body.sku_id: field required');
    expect(apiErrorBody(invalid)).toBeUndefined();
    const denied = await withKey(io)
      .skuItems.get('s')
      .catch((e: unknown) => e);
    expect(denied).toBeInstanceOf(AuthenticationError);
    expect(apiErrorBody(denied)).toBeUndefined();
    expect(apiErrorBody(new Error('x'))).toBeUndefined();
  });

  it('retries a 500 ApiError on a read and reports the last one', async () => {
    const failure = () => Response.json({ code: 'INTERNAL', message: 'boom' }, { status: 500, headers: { 'retry-after': '0' } });
    const io = server([], failure);
    const error = await withKey(io)
      .skuItems.listPage()
      .catch((e: unknown) => e);
    expect(apiErrorBody(error)).toEqual({ code: 'INTERNAL', message: 'boom' });
    expect(io.sent).toHaveLength(3);
  });
});
