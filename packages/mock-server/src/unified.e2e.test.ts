// The Unified API client (@signet/aiuta-unified) against the mock: every method, in each way the mock runs.
import { apiKeyAuth, bearerAuth, createAiutaUnifiedClient, issueAiutaJwt, userIdAuth } from '@signet/aiuta-unified';
import { createAiutaTokenHandler } from '@signet/auth';
import { AuthenticationError, ConflictError, NotFoundError, PermissionDeniedError } from '@signet/client-core/errors';
import { setupServer } from 'msw/node';
import { afterEach, describe, expect, it } from 'vitest';
import { createMockFetch, MOCK_CREDENTIALS, type MockFetch, type MockOptions, startMockServer } from './index.js';
import { createMswHandlers } from './msw.js';
import { exerciseUnified, FAST, FLAT_FRONT, JPEG, PNG, QUICK_POLL } from './unified.test-support.js';

const { apiKey, subscriptionId, jwtSecret, jwtIssuer } = MOCK_CREDENTIALS.aiuta;

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

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
      skuReadiness: { preparingMs: 0, outcome: ({ capability }) => (capability === 'try_on' ? 'rejected' : 'failed') },
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

describe('authentication as the spec models it', () => {
  const USER_ID_OPERATIONS = ['upload', 'listSkuItems', 'getTryOn', 'predefinedModels', 'tryOnModels'];

  /** One call per kind of operation, each resolving to the status the mock answered. */
  async function statuses(mock: MockFetch, auth: Parameters<typeof createAiutaUnifiedClient>[0]['auth']) {
    const admin = createAiutaUnifiedClient({ auth: apiKeyAuth(apiKey), fetch: mock.fetch });
    const photo = await admin.uploadedImages.create(PNG);
    await admin.skuItems.create({ sku_id: 'sku-auth', product_info: {} }).catch(() => undefined);
    const op = await admin.tryOnOperations.create({ uploaded_image_id: photo.id, sku_id: 'sku-auth' });
    const client = createAiutaUnifiedClient({ auth, fetch: mock.fetch, maxRetries: 0 });
    const status = (call: Promise<unknown>) =>
      call.then(
        () => 200,
        (error: { status?: number }) => error.status ?? -1,
      );
    return {
      upload: await status(client.uploadedImages.create(PNG)),
      getImage: await status(client.uploadedImages.get(photo.id)),
      listSkuItems: await status(client.skuItems.listPage()),
      createSkuItem: await status(client.skuItems.create({ sku_id: `sku-${Math.random()}`, product_info: {} })),
      getTryOn: await status(client.tryOnOperations.get(op.operation_id)),
      createTryOn: await status(client.tryOnOperations.create({ uploaded_image_id: photo.id, sku_id: 'sku-auth' })),
      predefinedModels: await status(client.predefinedTryOnModels.list()),
      tryOnModels: await status(client.tryOnModels.list()),
    };
  }

  it('takes x-user-id (the subscription ID) only where the spec lists it, and answers 403 elsewhere', async () => {
    const result = await statuses(inProcess(), userIdAuth(subscriptionId));
    for (const [call, status] of Object.entries(result))
      expect([call, status]).toEqual([call, USER_ID_OPERATIONS.includes(call) ? 200 : 403]);
  });

  it("tolerates Android's x-api-key with x-user-id, where x-user-id is the API key itself", async () => {
    const result = await statuses(inProcess(), [apiKeyAuth(apiKey), userIdAuth(apiKey)]);
    expect(Object.values(result).every((status) => status === 200)).toBe(true);
  });

  it('answers the gateway’s 401 and 403 with empty bodies', async () => {
    const mock = inProcess();
    const url = `${mock.baseUrls['aiuta-unified']}/sku_items`;
    for (const [headers, status] of [
      [{}, 401],
      [{ 'x-api-key': 'wrong' }, 401],
      [{ 'x-user-id': 'not-the-subscription' }, 401],
      [{ authorization: 'Bearer not.a.jwt' }, 401],
      [{ 'x-user-id': subscriptionId }, 200],
    ] as const) {
      const response = await mock.fetch(url, { headers });
      expect([headers, response.status]).toEqual([headers, status]);
      if (status !== 200) expect([await response.text(), response.headers.get('content-type')]).toEqual(['', null]);
    }
    const forbidden = await mock.fetch(`${url}/anything`, { headers: { 'x-user-id': subscriptionId } });
    expect([forbidden.status, await forbidden.text()]).toEqual([403, '']);
    const wrongKey = createAiutaUnifiedClient({ auth: apiKeyAuth('not-the-key'), fetch: mock.fetch });
    await expect(wrongKey.skuItems.listPage()).rejects.toBeInstanceOf(AuthenticationError);
  });

  it('answers a JWT where the spec does not list bearerAuth with 403, and a bad or expired one with 401', async () => {
    const mock = inProcess();
    const token = await issueAiutaJwt({ secret: jwtSecret, issuer: jwtIssuer, expiresInSeconds: 60 });
    const list = (bearer: string) =>
      mock.fetch(`${mock.baseUrls['aiuta-unified']}/sku_items`, { headers: { authorization: `Bearer ${bearer}` } });
    expect((await list(token)).status).toBe(403);
    const expired = await issueAiutaJwt({ secret: jwtSecret, issuer: jwtIssuer, expiresInSeconds: 60, now: () => Date.now() - 120_000 });
    const forged = await issueAiutaJwt({ secret: 'another-secret', issuer: jwtIssuer, expiresInSeconds: 60 });
    const otherIssuer = await issueAiutaJwt({ secret: jwtSecret, issuer: 'someone-else', expiresInSeconds: 60 });
    for (const bad of [expired, forged, otherIssuer]) {
      let fetched = 0;
      const client = createAiutaUnifiedClient({
        auth: bearerAuth({
          getToken: async () => {
            fetched++;
            return bad;
          },
        }),
        fetch: mock.fetch,
      });
      await expect(client.tryOnOperations.create({ uploaded_image_id: 'model_woman_00', sku_id: 's' })).rejects.toBeInstanceOf(
        AuthenticationError,
      );
      expect(fetched).toBe(2); // bearerAuth asks for a new token once after a 401
    }
  });
});

describe('a JWT from the customer’s token endpoint (createAiutaTokenHandler), end to end', () => {
  /** The customer's backend: issues tokens to signed-in shoppers, bound to what the app asks for. */
  const tokenEndpoint = createAiutaTokenHandler({ secret: jwtSecret, issuer: jwtIssuer, authorize: () => true });
  const tokenFor = async (params: Record<string, unknown>) => {
    const response = await tokenEndpoint(
      new Request('https://shop.example/aiuta-token', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(params),
      }),
    );
    expect(response.status).toBe(200);
    return ((await response.json()) as { token: string }).token;
  };
  /** The Web SDK's way: x-user-id for the upload and the polling, only the Bearer token to start the try-on. */
  const appClients = (mock: MockFetch, params: () => Record<string, unknown>) => ({
    app: createAiutaUnifiedClient({ auth: userIdAuth(subscriptionId), fetch: mock.fetch }),
    withToken: createAiutaUnifiedClient({ auth: bearerAuth({ getToken: () => tokenFor(params()) }), fetch: mock.fetch }),
  });

  it('starts a try-on with a token bound to the upload, and polls it with x-user-id', async () => {
    const mock = inProcess();
    let photoId = '';
    const { app, withToken } = appClients(mock, () => ({ uploaded_image_id: photoId }));
    photoId = (await app.uploadedImages.create(PNG)).id;
    const { operation_id } = await withToken.tryOnOperations.create({ uploaded_image_id: photoId, sku_ids: ['sku-1'] });
    expect(await app.tryOnOperations.waitFor(operation_id, QUICK_POLL)).toMatchObject({ status: 'SUCCESS' });
  });

  it('refuses a token bound to another image with 403 (PermissionDeniedError), and one bound to other SKUs', async () => {
    const mock = inProcess();
    const app = createAiutaUnifiedClient({ auth: userIdAuth(subscriptionId), fetch: mock.fetch });
    const mine = await app.uploadedImages.create(PNG);
    const other = await app.uploadedImages.create(JPEG);
    const { withToken } = appClients(mock, () => ({ uploaded_image_id: other.id }));
    await expect(withToken.tryOnOperations.create({ uploaded_image_id: mine.id, sku_id: 'sku-1' })).rejects.toBeInstanceOf(
      PermissionDeniedError,
    );

    // Android's way: the token carries the whole try-on body; x-user-id rides along.
    const bound = { uploaded_image_id: mine.id, sku_ids: ['top', 'skirt'] };
    const android = createAiutaUnifiedClient({
      auth: [userIdAuth(subscriptionId), bearerAuth({ getToken: () => tokenFor(bound) })],
      fetch: mock.fetch,
    });
    // The same SKUs in another order are the same try-on.
    await expect(android.tryOnOperations.create({ uploaded_image_id: mine.id, sku_ids: ['skirt', 'top'] })).resolves.toMatchObject({
      operation_id: expect.any(String),
    });
    await expect(android.tryOnOperations.create({ uploaded_image_id: mine.id, sku_ids: ['top'] })).rejects.toBeInstanceOf(
      PermissionDeniedError,
    );
    const skuBound = createAiutaUnifiedClient({
      auth: bearerAuth({ getToken: () => tokenFor({ uploaded_image_id: mine.id, sku_id: 'top' }) }),
      fetch: mock.fetch,
    });
    await expect(skuBound.tryOnOperations.create({ uploaded_image_id: mine.id, sku_ids: ['top'] })).resolves.toBeDefined();
    await expect(skuBound.tryOnOperations.create({ uploaded_image_id: mine.id, sku_id: 'skirt' })).rejects.toMatchObject({
      status: 403,
      body: '',
    });
    // The API key is not bound to anything.
    const server = createAiutaUnifiedClient({ auth: apiKeyAuth(apiKey), fetch: mock.fetch });
    await expect(server.tryOnOperations.create({ uploaded_image_id: other.id, sku_id: 'any' })).resolves.toBeDefined();
  });
});

describe('requests the spec refuses, in its shapes', () => {
  it('answers business-rule and query mistakes with 400 ApiError and FastAPI 422', async () => {
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
    expect(await tryOn({ uploaded_image_id: 'model_man_00' })).toMatchObject({ status: 400, body: { detail: expect.any(String) } });
    expect(await tryOn({ uploaded_image_id: 'model_man_00', sku_id: 'a', sku_ids: ['a'] })).toMatchObject({ status: 400 });
    expect(await tryOn({ uploaded_image_id: 'nope', sku_id: 'a' })).toEqual({ status: 400, body: { detail: 'Input image was not found' } });
    expect(await send('/sku_try_on_operations/unknown')).toEqual({ status: 200, body: null });
    expect(await send('/uploaded_images/user_image-unknown')).toEqual({ status: 404, body: { detail: 'Image not found' } });
    const model = await mock.fetch(`${mock.baseUrls['aiuta-unified']}/uploaded_images/model_man_00`, {
      method: 'DELETE',
      headers: { 'x-api-key': apiKey },
    });
    expect([model.status, await model.text()]).toEqual([403, '']);
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
