// Seeding: what each API starts with, read back through the clients in every way of running the mock.
import { apiKeyAuth, createAiutaClient } from '@signet/aiuta';
import { createAiutaUnifiedClient } from '@signet/aiuta-unified';
import { createVidauClient } from '@signet/vidau';
import { describe, expect, it } from 'vitest';
import { createMockFetch, type MockOptions, type MockSeed } from './index.js';
import { cleanups, type Mode, mockModes } from './modes.test-support.js';
import { PARAMS, SEED } from './seed.test-support.js';

const MODES = mockModes();

describe.each(Object.keys(MODES))('seeding, %s', (name) => {
  const start = MODES[name] as (options: MockOptions) => Promise<Mode>;

  it('starts each API with what the seed says, ready to read', async () => {
    const { mock, fetch } = await start({ seed: SEED, video: { renderMs: 60_000 } });
    const withFetch = fetch && { fetch };
    const auth = apiKeyAuth(mock.credentials.aiuta.apiKey);
    const aiuta = createAiutaClient({ auth, baseUrl: mock.baseUrls.aiuta, ...withFetch });
    const unified = createAiutaUnifiedClient({ auth, baseUrl: mock.baseUrls['aiuta-unified'], ...withFetch });
    const vidau = createVidauClient({ ...mock.credentials.vidau, baseUrl: mock.baseUrls.vidau, ...withFetch });

    expect(await aiuta.getUploadedImage('user_image-seeded-1')).toMatchObject({ id: 'user_image-seeded-1', owner_type: 'user' });
    expect(await aiuta.getOperation('sku_op-done')).toMatchObject({
      status: 'SUCCESS',
      generated_images: [expect.objectContaining({ owner_type: 'user' })],
    });
    expect(await aiuta.getOperation('sku_op-failed')).toMatchObject({ status: 'FAILED' });

    const items = [];
    for await (const item of unified.skuItems.list()) items.push(item.sku_id);
    expect(items).toEqual(['dress-1', 'bag-2']);
    // Ready at once: outfits need the capability ready, and the seeded catalogue has a companion.
    expect((await unified.recommendations.outfits('dress-1', { count: 1 }))[0]?.sku_ids).toEqual(['dress-1', 'bag-2']);
    expect((await unified.skuItems.get('bag-2')).capabilities_readiness?.try_on?.status).toBe('ready');
    expect(await unified.tryOnOperations.get('sku_try_on_op-running')).toMatchObject({ status: 'IN_PROGRESS' });

    expect(await vidau.getTaskInfo('task-done')).toMatchObject({
      status: '1',
      progress_bar: '100',
      video_url: expect.stringMatching(/task-done\.mp4$/),
    });
    expect(await vidau.getTaskInfo('task-failed')).toMatchObject({ status: '2', failed_reason: 'rendering failed (simulated)' });
    expect(await vidau.getTaskInfo('task-rendering')).toMatchObject({ status: '0' });
  });
});

describe('seeded VidAU tasks and their webhooks', () => {
  it('a rendering task sends its webhook when it ends; one seeded as done sent it before the mock started', async () => {
    const received: unknown[] = [];
    const mock = createMockFetch({
      seed: { vidau: SEED.vidau },
      video: { renderMs: 20 },
      webhookFetch: async (request) => {
        received.push(await request.json());
        return new Response(null, { status: 204 });
      },
    });
    cleanups.push(() => mock.close());
    for (let waited = 0; received.length === 0 && waited < 3000; waited += 20) await new Promise((resolve) => setTimeout(resolve, 20));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(received).toEqual([expect.objectContaining({ task_id: 'task-rendering', task_status: 1 })]);
  });
});

describe('seeding, refused', () => {
  it.each<[unknown, string, RegExp]>([
    [{ nope: {} }, 'seed.nope', /no API named "nope"/],
    [{ vidau: { jobs: [] } }, 'seed.vidau.jobs', /is not something vidau seeds \(tasks\)/],
    [
      { vidau: { tasks: [{ task_id: 't', webhook_url: 'http://x/h', params: { ...PARAMS, text: 'x'.repeat(1201) } }] } },
      'seed.vidau.tasks[0].params.text',
      /1200/,
    ],
    [
      { vidau: { tasks: [{ task_id: 't', webhook_url: 'http://x/h', params: PARAMS, status: 'done' }] } },
      'seed.vidau.tasks[0].status',
      /rendering, success, failed/,
    ],
    [
      { aiuta: { operations: [{ id: 'op', uploaded_image_id: 'user_image-missing' }] } },
      'seed.aiuta.operations[0].uploaded_image_id',
      /names no upload/,
    ],
    [{ 'aiuta-unified': { skuItems: [{ sku_id: 'x' }] } }, 'seed.aiuta-unified.skuItems[0].product_info', /required/],
    [
      { 'aiuta-unified': { skuItems: [{ sku_id: 'x', product_info: { uploaded_image_ids: ['user_image-missing'] } }] } },
      'seed.aiuta-unified.skuItems[0]',
      /refused with 400 .*UPLOADED_IMAGE_NOT_FOUND/,
    ],
    [{ 'aiuta-unified': { uploads: [''] } }, 'seed.aiuta-unified.uploads[0]', /non-empty string/],
  ])('refuses %j, naming %s, and does not start', (seed, field, message) => {
    expect(() => createMockFetch({ seed: seed as MockSeed })).toThrowError(
      expect.objectContaining({ code: 'ERR_INVALID_REQUEST', field, message: expect.stringMatching(message) }),
    );
  });
});
