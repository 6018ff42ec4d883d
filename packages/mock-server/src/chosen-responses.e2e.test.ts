// Chosen responses (a Prefer header, or chooseResponse) through every way of running the mock.
import { apiKeyAuth, createAiutaUnifiedClient } from '@signet/aiuta-unified';
import { NotFoundError, RateLimitError } from '@signet/client-core/errors';
import { createVidauClient } from '@signet/vidau';
import { describe, expect, it } from 'vitest';
import { createMockFetch } from './index.js';
import { cleanups, type Mode, mockModes } from './modes.test-support.js';

const PARAMS = { voice_id: 'v', avatar_id: 7, text: 'Hello', language: 'English' };
const MODES = mockModes({ skuReadiness: { preparingMs: 0 } });

describe.each(Object.keys(MODES))('chosen responses, %s', (name) => {
  const start = MODES[name] as () => Promise<Mode>;

  it('answers what a Prefer header asks for, in the API’s own error shape, after checking the request', async () => {
    const { mock, fetch = globalThis.fetch } = await start();
    const headers = { 'x-api-key': mock.credentials.aiuta.apiKey, 'content-type': 'application/json' };
    const url = `${mock.baseUrls['aiuta-unified']}/sku_items/dress-1`;
    // FastAPI's `{detail}` where the spec documents it for the operation and status …
    const image = `${mock.baseUrls['aiuta-unified']}/uploaded_images/img-1`;
    const missing = await fetch(image, { headers: { ...headers, prefer: 'code=404' } });
    expect([missing.status, await missing.json()]).toEqual([404, { detail: 'chosen response' }]);
    // … and a request to give the body where the spec documents another shape (the sku_items ApiError).
    const apiError = await fetch(url, { headers: { ...headers, prefer: 'code=404' } });
    expect([apiError.status, await apiError.json()]).toEqual([
      400,
      { error: expect.stringContaining("getSkuItem's 404 answer: give a body") },
    ]);
    // The gateway's 429 has no body, as the spec says.
    const limited = await fetch(url, { headers: { ...headers, Prefer: 'respond-async, code="429"' } });
    expect([limited.status, await limited.text()]).toEqual([429, '']);
    // Authentication still comes first.
    expect((await fetch(url, { headers: { prefer: 'code=404' } })).status).toBe(401);
    const undocumented = await fetch(url, { headers: { ...headers, prefer: 'code=418' } });
    expect([undocumented.status, await undocumented.json()]).toEqual([
      400,
      { error: expect.stringMatching(/^Prefer: getSkuItem documents no 418 answer \(it documents 200, 400, 401, 403, 404, 422, 429/) },
    ]);
    mock.requests.expect({ operationId: 'getSkuItem', status: 401, where: (r) => r.answeredBy === undefined }, 1);
    expect(mock.requests.list({ where: (r) => r.answeredBy === 'chosen' }).map((r) => r.status)).toEqual([404, 429]);
  });

  it('answers the next requests to an operation with a chosen status or body, then the mock’s own again', async () => {
    const { mock, fetch = globalThis.fetch } = await start();
    const unified = createAiutaUnifiedClient({
      auth: apiKeyAuth(mock.credentials.aiuta.apiKey),
      baseUrl: mock.baseUrls['aiuta-unified'],
      fetch,
      maxRetries: 0,
    });
    await unified.skuItems.create({
      sku_id: 'dress-1',
      product_info: { image_urls: ['https://shop.example/d.jpg'] },
      capabilities: { outfit_recommendations: true },
    });
    const gone = { code: 'SKU_ITEM_NOT_FOUND', message: 'no such SKU item', details: { sku_id: 'dress-1' } };
    expect(() => mock.chooseResponse({ api: 'aiuta-unified', operationId: 'getSkuItem', status: 404 })).toThrowError(/give a body/);
    mock.chooseResponse({ api: 'aiuta-unified', operationId: 'getSkuItem', status: 404, body: gone, times: 2 });
    await expect(unified.skuItems.get('dress-1')).rejects.toBeInstanceOf(NotFoundError);
    await expect(unified.skuItems.get('dress-1')).rejects.toBeInstanceOf(NotFoundError);
    expect((await unified.skuItems.get('dress-1')).sku_id).toBe('dress-1');

    mock.chooseResponse({ api: 'aiuta-unified', operationId: 'getOutfitRecommendations', status: 429, headers: { 'retry-after': '7' } });
    await expect(unified.recommendations.outfits('dress-1', { count: 1 })).rejects.toBeInstanceOf(RateLimitError);
    const outfits = [{ id: 'outfit-fixed', sku_ids: ['dress-1', 'bag-9'], metadata: { curated: true } }];
    mock.chooseResponse({ api: 'aiuta-unified', operationId: 'getOutfitRecommendations', status: 200, body: outfits });
    expect(await unified.recommendations.outfits('dress-1', { count: 1 })).toEqual(outfits);
  });

  it('answers VidAU with a chosen task body, checked against the spec', async () => {
    const { mock, fetch = globalThis.fetch } = await start();
    const vidau = createVidauClient({ ...mock.credentials.vidau, baseUrl: mock.baseUrls.vidau, fetch });
    const task = { task_id: 'task-fixed', task_status: 0, webhook_url: 'http://127.0.0.1:9/hook', params: PARAMS };
    mock.chooseResponse({ api: 'vidau', operationId: 'createAvatarVideo', status: 200, body: task });
    expect(await vidau.createAvatarVideo({ webhook_url: 'http://127.0.0.1:9/hook', params: PARAMS })).toEqual(task);
    expect(() =>
      mock.chooseResponse({ api: 'vidau', operationId: 'createAvatarVideo', status: 200, body: { ...task, task_status: 'zero' } }),
    ).toThrowError(
      expect.objectContaining({
        field: 'body',
        message: expect.stringMatching(/^body: body does not match the spec's 200 answer of createAvatarVideo: /),
      }),
    );
  });
});

describe('chosen responses, checked when set', () => {
  it.each([
    [{ api: 'nope', operationId: 'x', status: 200 }, 'api', /no API named "nope"/],
    [{ api: 'vidau', operationId: 'createVideo', status: 200 }, 'operationId', /vidau has no operation "createVideo"/],
    [
      { api: 'vidau', operationId: 'getTaskInfo', status: 418 },
      'status',
      /getTaskInfo documents no 418 answer \(it documents 200, 400, 401, 403, 404\)/,
    ],
    [{ api: 'vidau', operationId: 'getTaskInfo', status: 200 }, 'status', /no example of getTaskInfo's 200 answer: give a body/],
    [{ api: 'vidau', operationId: 'getTaskInfo', status: 200, example: 'done' }, 'status', /no example named "done" \(it has none\)/],
    [{ api: 'vidau', operationId: 'getTaskInfo', status: 404, times: 0 }, 'times', /at least 1/],
  ])('refuses %j', (choice, field, message) => {
    const mock = createMockFetch();
    cleanups.push(() => mock.close());
    // Typed to name only what the mock serves; checked at run time too, for JSON from the admin endpoint.
    expect(() => mock.chooseResponse(choice as Parameters<typeof mock.chooseResponse>[0])).toThrowError(
      expect.objectContaining({ code: 'ERR_INVALID_REQUEST', field, message: expect.stringMatching(message) }),
    );
  });
});
