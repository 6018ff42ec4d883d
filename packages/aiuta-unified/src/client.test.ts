import { apiKeyAuth } from '@signet/auth';
import { describe, expect, it } from 'vitest';
import { flatLay, image, imageType, PNG, retryNow, server, skuItem, tryOn, withKey } from './client.test-support.js';
import { apiErrorBody, createAiutaUnifiedClient, errors } from './index.js';

const { AuthenticationError, ConflictError, NotFoundError, UnprocessableEntityError } = errors;

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
