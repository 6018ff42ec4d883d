// Typed per-operation MSW overrides: what they intercept, what they are told, and what their types allow.
import { apiKeyAuth, createAiutaUnifiedClient } from '@signet/aiuta-unified';
import { createVidauClient } from '@signet/vidau';
import { setupServer } from 'msw/node';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { cleanups } from './modes.test-support.js';
import { createMswHandlers } from './msw.js';

const PARAMS = { voice_id: 'v', avatar_id: 7, text: 'Hello', language: 'English' };

function start() {
  const mock = createMswHandlers({ video: { renderMs: 10 } });
  const server = setupServer(...mock.handlers);
  server.listen({ onUnhandledRequest: 'error' });
  cleanups.push(
    () => server.close(),
    () => mock.close(),
  );
  return { mock, server };
}

describe('typed MSW overrides', () => {
  it('answer one operation with the resolver’s typed answer, after the mock checked the signature and the body', async () => {
    const { mock, server } = start();
    const seen: unknown[] = [];
    server.use(
      mock.override.vidau.createAvatarVideo(({ body, request }) => {
        expectTypeOf(body.params.avatar_id).toEqualTypeOf<number>();
        seen.push([body.webhook_url, request.method, request.bodyUsed]);
        return { status: 200, body: { task_id: 'task-from-test', task_status: 0, webhook_url: body.webhook_url, params: body.params } };
      }),
    );
    const vidau = createVidauClient(mock.credentials.vidau);
    const task = await vidau.createAvatarVideo({ webhook_url: 'https://hooks.example.test/v', params: PARAMS });
    expect(task).toMatchObject({ task_id: 'task-from-test', task_status: 0 });
    expect(seen).toEqual([['https://hooks.example.test/v', 'POST', false]]);
    mock.requests.expect({ operationId: 'createAvatarVideo', auth: 'passed', answeredBy: 'chosen' }, 1);

    // Other operations of the API are the mock's; a forged signature never reaches the resolver.
    await expect(vidau.getTaskInfo('task-from-test')).rejects.toMatchObject({ status: 404 });
    const forged = createVidauClient({ ...mock.credentials.vidau, authKey: 'wrong' });
    await expect(forged.createAvatarVideo({ webhook_url: 'https://hooks.example.test/v', params: PARAMS })).rejects.toMatchObject({
      status: 401,
    });
    expect(seen).toHaveLength(1);
  });

  it('get path parameters typed, may answer a documented error, or leave the answer to the mock', async () => {
    const { mock, server } = start();
    const unified = createAiutaUnifiedClient({ auth: apiKeyAuth(mock.credentials.aiuta.apiKey), maxRetries: 0 });
    await unified.skuItems.create({ sku_id: 'dress-1', product_info: { image_urls: ['https://shop.example/d.jpg'] } });
    server.use(
      mock.override['aiuta-unified'].getSkuItem(({ params }) => {
        expectTypeOf(params.sku_id).toEqualTypeOf<string>();
        if (params.sku_id === 'dress-1') return undefined;
        return { status: 404, body: { code: 'SKU_ITEM_NOT_FOUND', message: `no ${params.sku_id}`, details: null } };
      }),
    );
    expect((await unified.skuItems.get('dress-1')).sku_id).toBe('dress-1');
    await expect(unified.skuItems.get('shoe-2')).rejects.toMatchObject({ status: 404, message: expect.stringContaining('no shoe-2') });
    expect(mock.requests.list({ operationId: 'getSkuItem' }).map((r) => r.answeredBy)).toEqual([undefined, 'chosen']);
  });

  it('exist for every operation the mock serves, and their types refuse what the spec does not document', () => {
    const { mock } = start();
    expect(Object.keys(mock.override.vidau).sort()).toEqual(['createAvatarVideo', 'getTaskInfo']);
    expect(Object.keys(mock.override.aiuta)).toContain('startTryOn');
    expect(Object.keys(mock.override['aiuta-unified'])).toContain('getOutfitRecommendations');
    if (Math.random() > 2) {
      // Type checks only (tsc runs over the tests): never called.
      // @ts-expect-error: the outgoing webhook is sent, not served
      mock.override.vidau.receiveAvatarVideoTask(() => undefined);
      // @ts-expect-error: getTaskInfo documents no 201
      mock.override.vidau.getTaskInfo(() => ({ status: 201, body: {} }));
      // @ts-expect-error: task_status is a number in the spec
      mock.override.vidau.createAvatarVideo(() => ({ status: 200, body: { task_status: 'zero' } }));
      mock.override.vidau.getTaskInfo(({ body }) => {
        expectTypeOf(body.task_id).toEqualTypeOf<string>();
        return { status: 404, body: { code: 404, msg: 'gone' } };
      });
    }
  });
});
