// The Unified API client (`@signet/aiuta-unified`) against the mock: every method, in each way the
// mock runs; state over time; and the requests the spec refuses.
import { apiKeyAuth, createAiutaUnifiedClient } from '@signet/aiuta-unified';
import { ConflictError, NotFoundError } from '@signet/client-core/errors';
import { setupServer } from 'msw/node';
import { describe, expect, it } from 'vitest';
import { createMockFetch, MOCK_CREDENTIALS, type MockFetch, type MockOptions, startMockServer } from '../../index.js';
import { cleanups } from '../../modes.test-support.js';
import { createMswHandlers } from '../../msw.js';
import { exerciseUnified, FAST, FLAT_FRONT, PNG, QUICK_POLL } from './exercise.test-support.js';

const { apiKey } = MOCK_CREDENTIALS.aiuta;

function inProcess(options: MockOptions = {}): MockFetch {
  const mock = createMockFetch({ ...FAST, ...options });
  cleanups.push(() => mock.close());
  return mock;
}

describe('the Unified client against the mock, every method', () => {
  it('in process (createMockFetch), on the vendor’s default base URL', async () => {
    const mock = inProcess();
    const client = createAiutaUnifiedClient({ auth: apiKeyAuth(apiKey), fetch: mock.fetch });
    await exerciseUnified(client, mock.fetch);
    expect(mock.requestCounts['aiuta-unified']).toBeGreaterThan(40);
    expect(mock.requestCounts.aiuta).toBe(0);
  });

  it("over node:http (startMockServer), with baseUrls['aiuta-unified']", async () => {
    const mock = await startMockServer(FAST);
    cleanups.push(() => mock.close());
    expect(mock.baseUrls['aiuta-unified']).toBe(`${mock.url}/v1`);
    const client = createAiutaUnifiedClient({ auth: apiKeyAuth(apiKey), baseUrl: mock.baseUrls['aiuta-unified'] });
    await exerciseUnified(client, (url) => fetch(url));
  });

  it('through MSW, intercepting https://api.aiuta.com/v1 itself', async () => {
    const mock = createMswHandlers(FAST);
    const server = setupServer(...mock.handlers);
    server.listen({ onUnhandledRequest: 'error' });
    cleanups.push(
      () => server.close(),
      () => mock.close(),
    );
    expect(mock.baseUrls['aiuta-unified']).toBe('https://api.aiuta.com/v1');
    const client = createAiutaUnifiedClient({ auth: apiKeyAuth(apiKey) });
    await exerciseUnified(client, (url) => fetch(url));
  });
});

describe('state over time', () => {
  it('capabilities go preparing -> ready on the configured timing, per variant, and back to preparing when changed', async () => {
    let clock = Date.parse('2026-07-10T00:00:00Z');
    const mock = inProcess({ now: () => clock, skuReadiness: { preparingMs: 1000 } });
    const client = createAiutaUnifiedClient({ auth: apiKeyAuth(apiKey), fetch: mock.fetch });
    const created = await client.skuItems.create({
      sku_id: 'dress',
      product_info: { image_urls: ['https://shop.example/dress.jpg'] },
      capabilities: { outfit_recommendations: true, off_figure_product_images: [FLAT_FRONT] },
    });
    expect(created.capabilities_readiness.outfit_recommendations).toEqual({
      status: 'preparing',
      updated_at: '2026-07-10T00:00:00.000Z',
      error_message: null,
    });
    await expect(client.recommendations.outfits('dress')).rejects.toBeInstanceOf(ConflictError);
    await expect(client.flatLayOperations.create({ sku_id: 'dress', image_type: FLAT_FRONT })).rejects.toBeInstanceOf(ConflictError);
    clock += 1000;
    const ready = await client.skuItems.get('dress');
    expect(ready.capabilities_readiness.outfit_recommendations).toEqual({
      status: 'ready',
      updated_at: '2026-07-10T00:00:01.000Z',
      error_message: null,
    });
    expect(await client.recommendations.outfits('dress', { count: 1 })).toEqual([
      { id: expect.stringMatching(/^outfit-/), sku_ids: ['dress'], metadata: { rank: 1, personalized: false } },
    ]);
    // Adding a variant prepares that variant only; the one already ready stays ready.
    clock += 5000;
    const back = { flat_lay_type: 'flat', viewpoint: 'back' } as const;
    const patched = await client.skuItems.updateCapabilities('dress', {
      outfit_recommendations: true,
      off_figure_product_images: [FLAT_FRONT, back],
    });
    expect(patched.capabilities_readiness.outfit_recommendations.status).toBe('ready');
    expect(patched.capabilities_readiness.off_figure_product_images?.map((v) => [v.image_type.viewpoint, v.readiness.status])).toEqual([
      ['front', 'ready'],
      ['back', 'preparing'],
    ]);
    // Switching a capability off and on again starts it over.
    await client.skuItems.updateCapabilities('dress', {});
    const again = await client.skuItems.updateCapabilities('dress', { outfit_recommendations: true });
    expect(again.capabilities_readiness.outfit_recommendations.status).toBe('preparing');
  });

  it('ends capability preparation, flat-lays and try-ons as the simulation says', async () => {
    const mock = inProcess({
      skuReadiness: {
        preparingMs: 0,
        outcome: ({ sku_id, capability }) => (capability !== 'try_on' ? 'failed' : sku_id === 's' ? 'rejected' : 'ready'),
      },
      flatLay: { queuedMs: 5, runningMs: 5, outcome: () => 'FAILED' },
      tryOn: { queuedMs: 5, runningMs: 5, outcome: (request) => (request.sku_id === 'abort' ? 'ABORTED' : 'FAILED') },
    });
    const client = createAiutaUnifiedClient({ auth: apiKeyAuth(apiKey), fetch: mock.fetch });
    const item = await client.skuItems.create({ sku_id: 's', product_info: {}, capabilities: { try_on: true, size_and_fit: true } });
    expect(item.capabilities_readiness.try_on.status).toBe('rejected');
    expect(item.capabilities_readiness.size_and_fit).toMatchObject({ status: 'failed', error_message: expect.any(String) });
    const flat = await client.flatLayOperations.create({ product_info: { image_urls: [] }, image_type: FLAT_FRONT });
    expect(await client.flatLayOperations.waitFor(flat.operation_id, QUICK_POLL)).toMatchObject({
      status: 'FAILED',
      error: expect.any(String),
      generated_image: null,
    });
    for (const sku_id of ['fail', 'abort']) await client.skuItems.create({ sku_id, product_info: {}, capabilities: { try_on: true } });
    const failed = await client.tryOnOperations.create({ uploaded_image_id: 'model_man_00', sku_id: 'fail' });
    expect(await client.tryOnOperations.waitFor(failed.operation_id, QUICK_POLL)).toMatchObject({
      status: 'FAILED',
      error: expect.any(String),
      generated_images: [],
    });
    const aborted = await client.tryOnOperations.create({ uploaded_image_id: 'model_man_00', sku_id: 'abort' });
    expect(await client.tryOnOperations.waitFor(aborted.operation_id, QUICK_POLL)).toMatchObject({
      status: 'ABORTED',
      abort_reason: 'NO_PEOPLE_DETECTED',
      error: null,
    });
  });
});

describe('requests the spec refuses, in its shapes', () => {
  it('refuses a try-on of a SKU item missing from the catalogue or not ready for try-on with 400', async () => {
    let clock = Date.parse('2026-07-10T00:00:00Z');
    const mock = inProcess({
      now: () => clock,
      skuReadiness: { preparingMs: 1000, outcome: ({ sku_id }) => (sku_id === 'rejected' ? 'rejected' : 'ready') },
    });
    const client = createAiutaUnifiedClient({ auth: apiKeyAuth(apiKey), fetch: mock.fetch, maxRetries: 0 });
    for (const [sku_id, try_on] of [
      ['dress', true],
      ['shoes', true],
      ['rejected', true],
      ['catalogue-only', false],
    ] as const) {
      await client.skuItems.create({ sku_id, product_info: {}, capabilities: { try_on } });
    }
    const tryOn = (sku_ids: string[]) => client.tryOnOperations.create({ uploaded_image_id: 'model_woman_00', sku_ids });
    const refusal = (detail: string) => ({ status: 400, body: { detail } });
    await expect(tryOn(['dress'])).rejects.toMatchObject(refusal('SKU item dress is not ready for try-on (try_on: preparing)'));
    clock += 1000;
    await expect(tryOn(['dress', 'shoes'])).resolves.toMatchObject({ operation_id: expect.any(String) });
    await expect(tryOn(['dress', 'nope'])).rejects.toMatchObject(refusal('SKU item nope was not found'));
    await expect(tryOn(['rejected'])).rejects.toMatchObject(refusal('SKU item rejected is not ready for try-on (try_on: rejected)'));
    await expect(tryOn(['catalogue-only'])).rejects.toMatchObject(
      refusal('SKU item catalogue-only is not ready for try-on (try_on: absent)'),
    );
    await expect(client.tryOnOperations.create({ uploaded_image_id: 'model_woman_00', sku_id: 'nope' })).rejects.toMatchObject(
      refusal('SKU item nope was not found'),
    );
  });

  it('answers business-rule mistakes of the newer endpoints with ApiError, the rest with FastAPI’s detail', async () => {
    const mock = inProcess();
    const send = async (path: string, init: RequestInit = {}) => {
      const response = await mock.fetch(`${mock.baseUrls['aiuta-unified']}${path}`, {
        ...init,
        headers: { 'x-api-key': apiKey, 'content-type': 'application/json', ...init.headers },
      });
      return { status: response.status, body: await response.json() };
    };
    expect(await send('/sku_items?limit=0')).toEqual({
      status: 422,
      body: { detail: [{ loc: ['query', 'limit'], msg: 'Input should be greater than or equal to 1', type: 'greater_than_equal' }] },
    });
    expect((await send('/sku_items?limit=501&offset=x')).body.detail.map((d: { loc: string[] }) => d.loc[1])).toEqual(['offset', 'limit']);
    expect((await send('/recommendations/outfits/s?count=0')).status).toBe(422);
    expect((await send('/recommendations/outfits/s?count=6')).status).toBe(422);
    const both = { sku_id: 'x', product_info: { image_urls: ['https://a.example/1.jpg'], uploaded_image_ids: ['user_image-1'] } };
    expect(await send('/sku_items', { method: 'POST', body: JSON.stringify(both) })).toMatchObject({
      status: 400,
      body: { code: 'INVALID_REQUEST', message: expect.any(String) },
    });
    expect(
      await send('/sku_items', {
        method: 'POST',
        body: JSON.stringify({ sku_id: 'x', product_info: { uploaded_image_ids: ['user_image-gone'] } }),
      }),
    ).toMatchObject({ status: 400, body: { code: 'UPLOADED_IMAGE_NOT_FOUND' } });
    expect((await send('/sku_items', { method: 'POST', body: JSON.stringify({ sku_id: 'x' }) })).status).toBe(422);
    const flat = (body: object) =>
      send('/flat_lay_operations', { method: 'POST', body: JSON.stringify({ image_type: FLAT_FRONT, ...body }) });
    expect((await flat({})).status).toBe(400);
    expect((await flat({ sku_id: 'a', product_info: {} })).status).toBe(400);
    expect((await flat({ product_info: {}, qa_mode: 'human' })).status).toBe(400);
    expect(
      (await flat({ product_info: {}, background_settings: { background_type: 'reference_color', reference_color: 'red' } })).status,
    ).toBe(400);
    expect(await flat({ sku_id: 'missing' })).toMatchObject({ status: 404, body: { code: 'SKU_ITEM_NOT_FOUND' } });
    expect(await send('/flat_lay_operations/flatlay_op-missing')).toMatchObject({ status: 404, body: { code: 'OPERATION_NOT_FOUND' } });
    const tryOn = (body: object) => send('/sku_try_on_operations', { method: 'POST', body: JSON.stringify(body) });
    // Both or neither of sku_id and sku_ids: FastAPI's 422, word for word as the Digital Try-On API answers it.
    expect(await tryOn({ uploaded_image_id: 'model_man_00' })).toEqual({
      status: 422,
      body: { detail: [{ loc: ['body'], msg: "Either 'sku_id' or 'sku_ids' must be specified", type: 'value_error' }] },
    });
    expect(await tryOn({ uploaded_image_id: 'model_man_00', sku_id: 'a', sku_ids: ['a'] })).toMatchObject({
      status: 422,
      body: { detail: [{ msg: "Only one of 'sku_id' and 'sku_ids' may be specified" }] },
    });
    expect(await tryOn({ uploaded_image_id: 'nope', sku_id: 'a' })).toEqual({ status: 400, body: { detail: 'Input image was not found' } });
    expect(await send('/sku_try_on_operations/unknown')).toEqual({ status: 200, body: null });
    expect(await send('/uploaded_images/user_image-unknown')).toEqual({ status: 404, body: { detail: 'Image not found' } });
    const model = await mock.fetch(`${mock.baseUrls['aiuta-unified']}/uploaded_images/model_man_00`, {
      method: 'DELETE',
      headers: { 'x-api-key': apiKey },
    });
    expect([model.status, await model.json()]).toEqual([403, { detail: "Images with the 'aiuta' owner cannot be deleted" }]);
    const sku = await mock.fetch(`${mock.baseUrls['aiuta-unified']}/sku_items/missing`, { headers: { 'x-api-key': apiKey } });
    expect(await sku.json()).toEqual({ code: 'SKU_ITEM_NOT_FOUND', message: 'SKU item not found', details: { sku_id: 'missing' } });
  });

  it('forgets an upload once its expires_at has passed', async () => {
    let clock = Date.now();
    const mock = inProcess({ now: () => clock });
    const client = createAiutaUnifiedClient({ auth: apiKeyAuth(apiKey), fetch: mock.fetch });
    const photo = await client.uploadedImages.create(PNG);
    clock = Date.parse(photo.expires_at ?? '');
    await expect(client.uploadedImages.get(photo.id)).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe('malformed requests to the Unified API get a 4xx, never a 500', () => {
  it('survives a sweep of malformed paths, bodies, media types and methods', async () => {
    const mock = inProcess();
    const key = { 'x-api-key': apiKey };
    const json = { ...key, 'content-type': 'application/json' };
    const attempts: [string, RequestInit][] = [
      ['/sku_items', { method: 'POST', headers: json, body: '{' }],
      ['/sku_items', { method: 'POST', headers: json, body: Uint8Array.from([0x7b, 0xff, 0x7d]) }],
      ['/sku_items', { method: 'POST', headers: json, body: 'null' }],
      ['/sku_items', { method: 'POST', headers: json, body: '[]' }],
      ['/sku_items', { method: 'POST', headers: json, body: '{"sku_id":"a","product_info":{"image_urls":["not a url"]}}' }],
      ['/sku_items', { method: 'POST', headers: { ...key, 'content-type': 'text/plain' }, body: '{}' }],
      ['/sku_items', { method: 'PUT', headers: json, body: '{}' }],
      ['/sku_items?limit=1e3', { headers: key }],
      ['/sku_items?limit=1&limit=2', { headers: key }],
      ['/sku_items/%E0', { headers: key }],
      ['/sku_items/a/capabilities', { method: 'PATCH', headers: json, body: '{"off_figure_product_images":[{}]}' }],
      ['/sku_items/a/merchandising', { method: 'PATCH', headers: json, body: '{"availability":"sold"}' }],
      ['/recommendations/outfits/a?count=abc', { headers: key }],
      ['/flat_lay_operations', { method: 'POST', headers: json, body: '{"image_type":{"flat_lay_type":"flat","viewpoint":"side"}}' }],
      [
        '/flat_lay_operations',
        {
          method: 'POST',
          headers: json,
          body: '{"image_type":{"flat_lay_type":"flat","viewpoint":"front"},"product_info":{},"background_settings":{"background_type":"reference_image"}}',
        },
      ],
      ['/sku_try_on_operations', { method: 'POST', headers: json, body: '{"uploaded_image_id":"model_man_00","sku_ids":[]}' }],
      [
        '/sku_try_on_operations',
        { method: 'POST', headers: json, body: '{"uploaded_image_id":"model_man_00","sku_ids":["1","2","3","4","5","6"]}' },
      ],
      [
        '/sku_try_on_operations',
        { method: 'POST', headers: { authorization: 'Basic abc', 'content-type': 'application/json' }, body: '{}' },
      ],
      ['/uploaded_images', { method: 'POST', headers: { ...key, 'content-type': 'multipart/form-data; boundary=x' }, body: 'garbage' }],
      ['/uploaded_images', { method: 'POST', headers: json, body: '{"image_data":"x"}' }],
      ['/predefined_try_on_models', { headers: { ...key, 'if-none-match': '"unterminated, W/' } }],
      ['//sku_items', { headers: key }],
      ['/', { headers: key }],
    ];
    for (const [path, init] of attempts) {
      const response = await mock.fetch(`${mock.baseUrls['aiuta-unified']}${path}`, init);
      const label = `${init.method ?? 'GET'} ${path}`;
      // A malformed If-None-Match just matches nothing (200); everything else is refused.
      expect(response.status, label).toBeGreaterThanOrEqual(path === '/predefined_try_on_models' ? 200 : 400);
      expect(response.status, label).toBeLessThan(500);
    }
  });
});
